using Google.Api;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Server.Hosting.Rest;

/// <summary>
/// What one transcoded binding takes from a request, read from its <c>google.api.http</c> rule: the message (or field)
/// the JSON body fills, the fields the URL path sets, and the fields left for the query string.
/// </summary>
internal sealed class RestRoute
{
    // Deep enough for any sane request message; stops a recursive message type from recursing for ever.
    private const int MaxQueryDepth = 8;

    private readonly HashSet<string> _pathFields;
    private readonly Dictionary<string, FieldDescriptor> _queryFields;

    // The proto path the body fills: "" for body "*" (everything), "pool" for body "pool", null for no body.
    private readonly string? _bodyPath;

    private RestRoute(MethodDescriptor method, HttpRule rule)
    {
        Request = method.InputType;
        BodyField = rule.Body is "" or "*" ? null : Request.FindFieldByName(rule.Body);
        HasBody = rule.Body.Length > 0;
        _bodyPath = rule.Body switch { "" => null, "*" => string.Empty, _ => rule.Body };
        _pathFields = [.. HttpTemplate.Variables(HttpTemplate.Template(rule) ?? string.Empty).Select(variable => variable.FieldPath)];
        _queryFields = new Dictionary<string, FieldDescriptor>(StringComparer.Ordinal);
        AddQueryFields(Request, prefix: string.Empty, depth: 0);

        QueryNames = string.Join(", ", _queryFields.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>Gets the request message.</summary>
    public MessageDescriptor Request { get; }

    /// <summary>Gets a value indicating whether the rule takes a body (<c>body: "*"</c> or a field).</summary>
    public bool HasBody { get; }

    /// <summary>Gets the field the body fills (<c>body: "pool"</c>), or null when the body is the whole request.</summary>
    public FieldDescriptor? BodyField { get; }

    /// <summary>Gets the query parameters this binding takes (proto names), for error messages.</summary>
    public string QueryNames { get; }

    public static RestRoute Create(MethodDescriptor method, HttpRule rule) => new(method, rule);

    /// <summary>Resolves a query parameter (proto or JSON names, dotted for nested fields) to its proto path and field.</summary>
    /// <returns>Null when the parameter may be set; otherwise why it may not.</returns>
    public string? ResolveQuery(string name, out string path, out FieldDescriptor? field)
    {
        field = null;
        path = name;
        var names = new List<string>();
        var message = Request;
        foreach (var segment in name.Split('.'))
        {
            field = message is null ? null : FindField(message, segment);
            if (field is null)
            {
                return UnknownQuery();
            }

            names.Add(field.Name);
            message = field.FieldType == FieldType.Message ? field.MessageType : null;
        }

        path = string.Join('.', names);
        if (_queryFields.TryGetValue(path, out field))
        {
            return null;
        }

        if (IsPathField(path))
        {
            return "Set by the URL path; it cannot be set in the query.";
        }

        return IsBodyField(path)
            ? "Set by the JSON body; it cannot be set in the query."
            : "Not a query parameter: the query sets single-valued fields only.";
    }

    /// <summary>Finds a field by its JSON name (lowerCamelCase or <c>json_name</c>), then by its proto name.</summary>
    public static FieldDescriptor? FindField(MessageDescriptor message, string name)
    {
        var fields = message.Fields.InDeclarationOrder();
        return fields.FirstOrDefault(f => f.JsonName == name) ?? fields.FirstOrDefault(f => f.Name == name);
    }

    private string UnknownQuery() => _queryFields.Count == 0
        ? "Unknown query parameter: this method takes no query parameters."
        : $"Unknown query parameter: this method takes {QueryNames} (or their lowerCamelCase names).";

    private bool IsPathField(string path) => _pathFields.Any(bound => IsUnder(path, bound));

    private bool IsBodyField(string path) => _bodyPath is not null && (_bodyPath.Length == 0 || IsUnder(path, _bodyPath));

    private static bool IsUnder(string path, string parent) =>
        path == parent || (path.Length > parent.Length && path.StartsWith(parent, StringComparison.Ordinal) && path[parent.Length] == '.');

    // The leaves a query string can set: scalars, enums, repeated scalars and the string-valued well-known types,
    // outside the path variables and the body.
    private void AddQueryFields(MessageDescriptor message, string prefix, int depth)
    {
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            var path = prefix + field.Name;
            if (IsPathField(path) || IsBodyField(path) || field.IsMap)
            {
                continue;
            }

            if (field.FieldType != FieldType.Message || WellKnownJson.IsQueryValue(field.MessageType))
            {
                _queryFields.Add(path, field);
            }
            else if (!field.IsRepeated && depth < MaxQueryDepth)
            {
                // A message whose name is in the path ({pool.name=...}) still lends its other fields to the query.
                AddQueryFields(field.MessageType, path + ".", depth + 1);
            }
        }
    }
}
