using System.Text;
using System.Text.RegularExpressions;
using SeatGrpc.Server.Hosting;
using Google.Protobuf.Reflection;

namespace SeatGrpc.Server.OpenApi;

/// <summary>
/// The OpenAPI path of one <c>google.api.http</c> binding. A variable's own segments are written out and its
/// single wildcard becomes the path parameter (<c>/v1/{parent=orders/*}/seats</c> is <c>/v1/orders/{parent}/seats</c>),
/// so each binding has its own path and a tool's URL matches it: the value fills the wildcard.
/// </summary>
internal static partial class OpenApiPath
{
    /// <summary>The fields a dotted field path names, from the request message down.</summary>
    public static IReadOnlyList<FieldDescriptor> Fields(MessageDescriptor input, string fieldPath)
    {
        var fields = new List<FieldDescriptor>();
        var message = input;
        foreach (var name in fieldPath.Split('.'))
        {
            var field = message?.FindFieldByName(name)
                ?? throw new InvalidOperationException($"{input.FullName} has no field {fieldPath}.");
            fields.Add(field);
            message = field.FieldType == FieldType.Message ? field.MessageType : null;
        }

        return fields;
    }

    /// <summary>The parameter names of an OpenAPI path, in order.</summary>
    public static IEnumerable<string> ParameterNames(string path) =>
        Parameter().Matches(path).Select(match => match.Groups[1].Value);

    /// <summary>The path with its parameter names left out, the same for paths OpenAPI holds to be one.</summary>
    public static string Shape(string path) => Parameter().Replace(path, "{}");

    /// <summary>
    /// The path of <paramref name="template"/>, without its leading slash (as ApiExplorer's RelativePath), with
    /// one parameter per variable named by the field's JSON path, as Grpc.Swagger names them.
    /// </summary>
    public static string Resolve(string template, MessageDescriptor input)
    {
        var (segments, verb) = HttpTemplate.Split(template);
        var path = new StringBuilder();
        foreach (var segment in segments)
        {
            if (path.Length > 0)
            {
                path.Append('/');
            }

            path.Append(HttpTemplate.IsVariable(segment) ? Write(HttpTemplate.ParseVariable(segment), input) : segment);
        }

        return verb is null ? path.ToString() : $"{path}:{verb}";
    }

    private static string Write(PathVariable variable, MessageDescriptor input)
    {
        var parameter = "{" + string.Join('.', Fields(input, variable.FieldPath).Select(field => field.JsonName)) + "}";

        // A variable with several wildcards stays one parameter, as Grpc.Swagger writes it.
        return variable.Pattern is { } pattern && variable.HasOneWildcard
            ? string.Join('/', pattern.Split('/').Select(segment => PathVariable.IsWildcard(segment) ? parameter : segment))
            : parameter;
    }

    [GeneratedRegex(@"\{([^}]*)\}")]
    private static partial Regex Parameter();
}
