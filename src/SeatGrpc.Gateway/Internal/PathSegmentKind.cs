namespace SeatGrpc.Gateway.Internal;

/// <summary>What one segment of a parsed path template matches.</summary>
internal enum PathSegmentKind
{
    /// <summary>Exactly the segment's literal text.</summary>
    Literal,

    /// <summary><c>*</c>: any one non-empty segment.</summary>
    Wildcard,

    /// <summary><c>**</c>: zero or more segments; only ever the last segment.</summary>
    MultiWildcard,
}
