namespace SeatGrpc.Gateway.Internal;

/// <summary>Decodes the percent escapes of URL path segments the way http.proto asks.</summary>
internal static class PercentDecoder
{
    /// <summary>Decodes every escape (UTF-8), <c>%2F</c> included.</summary>
    public static string Decode(string raw) => raw.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(raw) : raw;

    /// <summary>Decodes every escape except <c>%2F</c> and <c>%2f</c>, which stay as written.</summary>
    public static string DecodeKeepingSlashes(string raw)
    {
        if (!raw.Contains('%', StringComparison.Ordinal))
        {
            return raw;
        }

        var result = new System.Text.StringBuilder(raw.Length);
        var start = 0;
        while (true)
        {
            var slash = raw.IndexOf("%2F", start, StringComparison.OrdinalIgnoreCase);
            if (slash < 0)
            {
                result.Append(Uri.UnescapeDataString(raw[start..]));
                return result.ToString();
            }

            result.Append(Uri.UnescapeDataString(raw[start..slash])).Append(raw, slash, 3);
            start = slash + 3;
        }
    }
}
