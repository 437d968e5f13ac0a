namespace SeatGrpc.Server.Hosting;

/// <summary>One variable of a <c>google.api.http</c> path template: its field path and its own pattern, if any.</summary>
internal sealed record PathVariable(string FieldPath, string? Pattern)
{
    /// <summary>Whether the pattern has exactly one wildcard, which the path parameter then fills.</summary>
    public bool HasOneWildcard => Pattern is not null && Pattern.Split('/').Count(IsWildcard) == 1;

    public static bool IsWildcard(string segment) => segment is "*" or "**";
}
