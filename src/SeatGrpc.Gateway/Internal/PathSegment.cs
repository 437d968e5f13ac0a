namespace SeatGrpc.Gateway.Internal;

/// <summary>One segment of a parsed path template.</summary>
/// <param name="Kind">What the segment matches.</param>
/// <param name="Literal">The text of a <see cref="PathSegmentKind.Literal"/> segment; empty otherwise.</param>
internal sealed record PathSegment(PathSegmentKind Kind, string Literal)
{
    /// <summary>The literal with its percent escapes decoded, compared with decoded request segments.</summary>
    public string DecodedLiteral { get; } = PercentDecoder.Decode(Literal);

    public static readonly PathSegment Wildcard = new(PathSegmentKind.Wildcard, string.Empty);

    public static readonly PathSegment MultiWildcard = new(PathSegmentKind.MultiWildcard, string.Empty);

    public override string ToString() => Kind switch
    {
        PathSegmentKind.Wildcard => "*",
        PathSegmentKind.MultiWildcard => "**",
        _ => Literal,
    };
}
