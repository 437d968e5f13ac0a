using System.Globalization;

namespace SeatGrpc.Storage.Internal;

/// <summary>The NOTIFY payload <c>{sequence} {pool name}</c>: the sequence first, because a pool name is not parsed.</summary>
internal static class EventPayload
{
    public static string Format(string parent, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{sequence} {parent}");

    public static bool TryParse(string payload, out string parent, out long sequence)
    {
        var space = payload.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0
            && long.TryParse(payload.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out sequence)
            && space + 1 < payload.Length)
        {
            parent = payload[(space + 1)..];
            return true;
        }

        parent = "";
        sequence = 0;
        return false;
    }
}
