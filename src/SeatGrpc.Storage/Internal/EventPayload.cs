using System.Globalization;

namespace SeatGrpc.Storage.Internal;

/// <summary>The NOTIFY payload <c>{sequence} {pool key}</c> (see <see cref="PoolKeys"/>): the sequence first, because the key is not parsed here.</summary>
internal static class EventPayload
{
    public static string Format(string poolKey, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{sequence} {poolKey}");

    public static bool TryParse(string payload, out string poolKey, out long sequence)
    {
        var space = payload.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0
            && long.TryParse(payload.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out sequence)
            && space + 1 < payload.Length)
        {
            poolKey = payload[(space + 1)..];
            return true;
        }

        poolKey = "";
        sequence = 0;
        return false;
    }
}
