using Google.Api;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Server.Hosting;

/// <summary>Reads the path templates of <c>google.api.http</c> rules, for the REST guard and the OpenAPI document.</summary>
internal static class HttpTemplate
{
    /// <summary>The method's <c>google.api.http</c> bindings: the rule, then its additional bindings.</summary>
    public static IReadOnlyList<HttpRule> Bindings(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { } rule ? [rule, .. rule.AdditionalBindings] : [];

    /// <summary>The binding's path template, or null for a rule without one.</summary>
    public static string? Template(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => rule.Get,
        HttpRule.PatternOneofCase.Put => rule.Put,
        HttpRule.PatternOneofCase.Post => rule.Post,
        HttpRule.PatternOneofCase.Delete => rule.Delete,
        HttpRule.PatternOneofCase.Patch => rule.Patch,
        HttpRule.PatternOneofCase.Custom => rule.Custom.Path,
        _ => null,
    };

    /// <summary>The template's variables in order: <c>{pool.name=orders/*}</c> is ("pool.name", "orders/*").</summary>
    public static IEnumerable<PathVariable> Variables(string template) =>
        Split(template).Segments.Where(IsVariable).Select(ParseVariable);

    public static bool IsVariable(string segment) => segment.StartsWith('{');

    public static PathVariable ParseVariable(string segment)
    {
        var parts = segment[1..^1].Split('=', 2);
        return new PathVariable(parts[0], parts.Length == 2 ? parts[1] : null);
    }

    /// <summary>Splits on the slashes outside braces; the verb follows the first colon outside braces.</summary>
    public static (List<string> Segments, string? Verb) Split(string template)
    {
        template = template.TrimStart('/');
        var segments = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < template.Length; i++)
        {
            switch (template[i])
            {
                case '{':
                    depth++;
                    break;
                case '}':
                    depth--;
                    break;
                case '/' when depth == 0:
                    segments.Add(template[start..i]);
                    start = i + 1;
                    break;
                case ':' when depth == 0:
                    segments.Add(template[start..i]);
                    return (segments, template[(i + 1)..]);
            }
        }

        segments.Add(template[start..]);
        return (segments, null);
    }
}
