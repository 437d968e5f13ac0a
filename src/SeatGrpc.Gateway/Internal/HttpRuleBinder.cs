using Google.Api;
using Google.Protobuf.Reflection;
using Grpc.Core;
using SeatGrpc.Runtime;

namespace SeatGrpc.Gateway.Internal;

/// <summary>
/// Walks the <c>google.api.http</c> rule of every method in the catalog, additional bindings
/// included, and computes each route's binding facts. A rule that cannot be bound fails
/// start-up with an <see cref="InvalidOperationException"/> that names the RPC.
/// </summary>
internal static class HttpRuleBinder
{
    public static IReadOnlyList<GatewayRoute> Bind(IEnumerable<GrpcMethodEntry> entries)
    {
        var routes = new List<GatewayRoute>();
        foreach (var entry in entries)
        {
            var method = entry.Descriptor;
            var rule = method?.GetOptions()?.GetExtension(AnnotationsExtensions.Http);
            if (method is null || rule is null)
            {
                continue;
            }

            if (entry.Method.Type is MethodType.ClientStreaming or MethodType.DuplexStreaming)
            {
                throw Fail(method, rule, "client- and bidirectional-streaming RPCs cannot have an HTTP rule");
            }

            routes.Add(BindRule(entry, method, rule, 0));
            var index = 1;
            foreach (var additional in rule.AdditionalBindings)
            {
                if (additional.AdditionalBindings.Count > 0)
                {
                    throw Fail(method, additional, "additional_bindings cannot nest");
                }

                routes.Add(BindRule(entry, method, additional, index++));
            }
        }

        var duplicate = routes
            .GroupBy(route => (route.HttpMethod, route.Template.Text))
            .FirstOrDefault(group => group.Count() > 1);
        if (duplicate is not null)
        {
            var names = string.Join(" and ", duplicate.Select(route => route.RpcName).Distinct());
            throw new InvalidOperationException(
                $"Cannot bind the HTTP rules of {names}: {duplicate.Key.HttpMethod} {duplicate.Key.Text} is bound more than once.");
        }

        return routes;
    }

    private static GatewayRoute BindRule(GrpcMethodEntry entry, MethodDescriptor method, HttpRule rule, int index)
    {
        var (httpMethod, path) = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => ("GET", rule.Get),
            HttpRule.PatternOneofCase.Put => ("PUT", rule.Put),
            HttpRule.PatternOneofCase.Post => ("POST", rule.Post),
            HttpRule.PatternOneofCase.Delete => ("DELETE", rule.Delete),
            HttpRule.PatternOneofCase.Patch => ("PATCH", rule.Patch),
            HttpRule.PatternOneofCase.Custom => (rule.Custom.Kind.ToUpperInvariant(), rule.Custom.Path),
            _ => throw Fail(method, rule, "the rule has no HTTP method and path"),
        };
        if (httpMethod.Length == 0 || !httpMethod.All(c => char.IsAsciiLetterUpper(c) || c == '-'))
        {
            throw Fail(method, rule, $"'{httpMethod}' is not an HTTP method");
        }

        PathTemplate template;
        try
        {
            template = PathTemplateParser.Parse(path);
        }
        catch (FormatException error)
        {
            throw Fail(method, rule, error.Message);
        }

        var request = method.InputType;
        var pathFields = new List<IReadOnlyList<FieldDescriptor>>();
        foreach (var variable in template.Variables)
        {
            var fields = FieldPaths.Resolve(request, variable.FieldPath, out var error)
                ?? throw Fail(method, rule, $"path variable '{variable.Name}': {error}");
            var leaf = fields[^1];
            if (leaf.IsRepeated || leaf.IsMap || leaf.FieldType is FieldType.Message or FieldType.Group or FieldType.Bytes)
            {
                throw Fail(method, rule, $"path variable '{variable.Name}' must name a singular scalar field");
            }

            pathFields.Add(fields);
        }

        FieldDescriptor? bodyField = null;
        var wholeBody = rule.Body == "*";
        if (!wholeBody && rule.Body.Length > 0)
        {
            bodyField = request.FindFieldByName(rule.Body)
                ?? throw Fail(method, rule, $"body field '{rule.Body}' is not a field of {request.FullName}");
            if (bodyField.FieldType != FieldType.Message || bodyField.IsRepeated || bodyField.IsMap)
            {
                throw Fail(method, rule, $"body field '{rule.Body}' is not a singular message field");
            }

            if (pathFields.Any(fields => fields.Count == 1 && fields[0] == bodyField))
            {
                throw Fail(method, rule, $"body field '{rule.Body}' is also bound by the path");
            }
        }

        if ((wholeBody || bodyField is not null) && httpMethod == "GET")
        {
            throw Fail(method, rule, "a GET rule cannot have a body");
        }

        FieldDescriptor? responseBody = null;
        if (rule.ResponseBody.Length > 0)
        {
            responseBody = method.OutputType.FindFieldByName(rule.ResponseBody)
                ?? throw Fail(method, rule, $"response_body field '{rule.ResponseBody}' is not a field of {method.OutputType.FullName}");
        }

        return new GatewayRoute
        {
            Entry = entry,
            Method = method,
            HttpMethod = httpMethod,
            Template = template,
            PathFields = pathFields,
            BodyIsWholeMessage = wholeBody,
            BodyField = bodyField,
            ResponseBodyField = responseBody,
            IsServerStreaming = entry.Method.Type == MethodType.ServerStreaming,
            BindingIndex = index,
        };
    }

    private static InvalidOperationException Fail(MethodDescriptor method, HttpRule rule, string reason)
    {
        var pattern = rule.PatternCase switch
        {
            HttpRule.PatternOneofCase.Get => $"GET {rule.Get}",
            HttpRule.PatternOneofCase.Put => $"PUT {rule.Put}",
            HttpRule.PatternOneofCase.Post => $"POST {rule.Post}",
            HttpRule.PatternOneofCase.Delete => $"DELETE {rule.Delete}",
            HttpRule.PatternOneofCase.Patch => $"PATCH {rule.Patch}",
            HttpRule.PatternOneofCase.Custom => $"{rule.Custom.Kind} {rule.Custom.Path}",
            _ => "no pattern",
        };
        return new InvalidOperationException($"Cannot bind the HTTP rule of {method.FullName} ({pattern}): {reason.TrimEnd('.')}.");
    }
}
