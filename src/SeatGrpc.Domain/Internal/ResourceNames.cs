using System.Buffers;

namespace SeatGrpc.Domain.Internal;

/// <summary>Pool names (<c>subscriptions/{id}</c>, <c>orders/{id}</c>) and seat names (<c>seats/{id}</c>).</summary>
internal static class ResourceNames
{
    public const string SeatPrefix = "seats/";

    private static readonly SearchValues<char> IdChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~-");

    public static bool IsPoolName(string? name)
    {
        if (name is null)
        {
            return false;
        }

        var id = name.StartsWith("subscriptions/", StringComparison.Ordinal) ? name.AsSpan("subscriptions/".Length)
            : name.StartsWith("orders/", StringComparison.Ordinal) ? name.AsSpan("orders/".Length)
            : default;
        return IsId(id);
    }

    /// <summary>The id of <c>seats/{id}</c>, or null when the name has another form.</summary>
    public static string? SeatId(string? name)
    {
        if (name is null || !name.StartsWith(SeatPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = name[SeatPrefix.Length..];
        return IsId(id) ? id : null;
    }

    public static string SeatName(string id) => SeatPrefix + id;

    public static bool IsId(ReadOnlySpan<char> id) => id.Length is >= 1 and <= 63 && !id.ContainsAnyExcept(IdChars);
}
