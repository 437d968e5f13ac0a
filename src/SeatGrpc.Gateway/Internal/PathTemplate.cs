namespace SeatGrpc.Gateway.Internal;

/// <summary>A parsed <c>google.api.HttpRule</c> path template; see <see cref="PathTemplateParser"/>.</summary>
internal sealed class PathTemplate
{
    public PathTemplate(string text, IReadOnlyList<PathSegment> segments, IReadOnlyList<PathVariable> variables, string? verb)
    {
        Text = text;
        Segments = segments;
        Variables = variables;
        Verb = verb;
    }

    /// <summary>The template as written in the rule.</summary>
    public string Text { get; }

    public IReadOnlyList<PathSegment> Segments { get; }

    public IReadOnlyList<PathVariable> Variables { get; }

    /// <summary>The custom verb after the last <c>:</c>, or <see langword="null"/>.</summary>
    public string? Verb { get; }

    /// <summary>Whether the last segment is <c>**</c>.</summary>
    public bool EndsWithMultiWildcard => Segments.Count > 0 && Segments[^1].Kind == PathSegmentKind.MultiWildcard;

    /// <summary>The number of literal segments, used to try more specific templates first.</summary>
    public int LiteralCount => Segments.Count(segment => segment.Kind == PathSegmentKind.Literal);

    /// <summary>
    /// Matches a raw (still percent-encoded) request path, without its query string, and returns
    /// the decoded value of each variable in <see cref="Variables"/> order.
    /// </summary>
    public bool TryMatch(string rawPath, out string[] values)
    {
        values = [];
        if (rawPath.Length == 0 || rawPath[0] != '/')
        {
            return false;
        }

        var path = rawPath.AsSpan(1);
        if (Verb is not null)
        {
            var suffixLength = Verb.Length + 1;
            if (path.Length <= suffixLength || path[^suffixLength] != ':' || !path[^Verb.Length..].SequenceEqual(Verb))
            {
                return false;
            }

            path = path[..^suffixLength];
        }

        var raw = path.ToString().Split('/');
        var fixedCount = EndsWithMultiWildcard ? Segments.Count - 1 : Segments.Count;
        if (raw.Length < fixedCount || (!EndsWithMultiWildcard && raw.Length != fixedCount))
        {
            return false;
        }

        for (var i = 0; i < fixedCount; i++)
        {
            var segment = Segments[i];
            if (raw[i].Length == 0)
            {
                return false;
            }

            if (segment.Kind == PathSegmentKind.Literal && !string.Equals(PercentDecoder.Decode(raw[i]), segment.DecodedLiteral, StringComparison.Ordinal))
            {
                return false;
            }
        }

        values = new string[Variables.Count];
        for (var v = 0; v < Variables.Count; v++)
        {
            var variable = Variables[v];
            var end = variable.EndSegment == Segments.Count && EndsWithMultiWildcard ? raw.Length : variable.EndSegment;
            values[v] = variable.IsSingleSegment
                ? PercentDecoder.Decode(raw[variable.StartSegment])
                : PercentDecoder.DecodeKeepingSlashes(string.Join('/', raw, variable.StartSegment, end - variable.StartSegment));
        }

        return true;
    }

    public override string ToString() => Text;
}
