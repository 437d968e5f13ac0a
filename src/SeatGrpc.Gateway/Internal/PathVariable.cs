namespace SeatGrpc.Gateway.Internal;

/// <summary>
/// A <c>{field.path=segments}</c> variable of a path template: it captures the template segments
/// from <see cref="StartSegment"/> (inclusive) to <see cref="EndSegment"/> (exclusive).
/// </summary>
internal sealed record PathVariable(IReadOnlyList<string> FieldPath, int StartSegment, int EndSegment)
{
    /// <summary>The field path as written, e.g. <c>pool.name</c>.</summary>
    public string Name => string.Join('.', FieldPath);

    /// <summary>
    /// Whether the variable spans one <c>*</c> only (<c>{id}</c> or <c>{id=*}</c>). The spec
    /// decodes every escape in such a value, <c>%2F</c> included; a multi-segment value keeps
    /// <c>%2F</c> and <c>%2f</c> as they are.
    /// </summary>
    public bool IsSingleSegment { get; init; }
}
