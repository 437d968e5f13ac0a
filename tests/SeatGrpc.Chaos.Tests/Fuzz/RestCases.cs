using System.Text;
using System.Text.Json.Nodes;

namespace SeatGrpc.Chaos.Tests.Fuzz;

/// <summary>
/// The REST requests: every proto-level case on its route, then what only JSON and HTTP can carry: a value of the wrong
/// JSON type or out of its number range in every body field, deep nesting, broken or non-UTF-8 bodies, lone surrogates,
/// duplicate keys, oversized bodies, other content types, and bad query strings.
/// </summary>
internal static class RestCases
{
    private const int MaxUpload = 16 << 20;

    private static readonly (string Label, string Json)[] WrongTypes =
    [
        ("123", "123"), ("-1", "-1"), ("1.5", "1.5"), ("1e400", "1e400"), ("2147483648", "2147483648"), ("-9223372036854775809", "-9223372036854775809"),
        ("\"12\"", "\"12\""), ("true", "true"), ("null", "null"), ("[]", "[]"), ("{}", "{}"), ("\"text\"", "\"text\""), ("[1,\"a\"]", "[1,\"a\"]"),
        ("\"\\ud800\" (a lone surrogate)", "\"\\ud800\""), ("1000 nested arrays", new string('[', 1000) + new string(']', 1000)),
        ("1000 nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 1000)) + "1" + new string('}', 1000)),
    ];

    private static readonly (string Label, string Query)[] Queries =
    [
        ("pageSize=abc", "pageSize=abc"), ("pageSize=-1", "pageSize=-1"), ("pageSize=1e3", "pageSize=1e3"), ("pageSize=99999999999", "pageSize=99999999999"),
        ("pageSize twice", "pageSize=1&page_size=2"), ("status=FOO", "status=FOO"), ("status=99", "status=99"), ("pageToken=%FF%FE", "pageToken=%FF%FE"),
        ("pageToken of 5000 chars", "pageToken=" + new string('A', 5000)), ("pageToken=!!", "pageToken=!!"), ("afterSequence=-1", "afterSequence=-1"),
        ("afterSequence=abc", "afterSequence=abc"), ("afterSequence=1e30", "afterSequence=1e30"), ("afterSequence=99999999999999999999", "afterSequence=99999999999999999999"),
        ("unknown=1", "unknown=1"), ("%00=%00", "%00=%00"), ("requestId=not-a-uuid", "requestId=not-a-uuid"), ("etag of 10000 chars", "etag=" + new string('e', 10000)),
    ];

    public static IEnumerable<RestFuzzCase> All(FuzzTargets targets)
    {
        foreach (var fuzz in ProtoCases.All(targets))
        {
            if (RestRoute.Of(fuzz.Method.Name) is { } route)
            {
                var (url, body) = route.Build(fuzz.Request);
                var json = body?.ToJsonString();

                // Past 30 MB Kestrel answers 413 and closes the connection without draining the upload, which HttpClient
                // reports as a failed send, not as the answer; the "5 MiB string field" case below covers the limit.
                if (json is null || json.Length <= MaxUpload)
                {
                    yield return RestFuzzCase.Json(fuzz.Method.Name, fuzz.Change, route.Verb, url, json);
                }
            }
        }

        foreach (var (method, request) in targets.Requests())
        {
            if (RestRoute.Of(method.Name) is not { } route)
            {
                continue;
            }

            var (url, body) = route.Build(request);
            foreach (var fuzz in body is null ? QueryCases(method.Name, route.Verb, url) : BodyCases(method.Name, route.Verb, url, body))
            {
                yield return fuzz;
            }
        }
    }

    private static IEnumerable<RestFuzzCase> BodyCases(string method, string verb, string url, JsonObject body)
    {
        foreach (var path in Paths(body, string.Empty))
        {
            foreach (var (label, json) in WrongTypes)
            {
                yield return RestFuzzCase.Json(method, $"{path} = {label}", verb, url, Replace(body, path, json));
            }
        }

        var valid = body.ToJsonString();
        yield return RestFuzzCase.Json(method, "an empty body", verb, url, string.Empty);
        yield return RestFuzzCase.Json(method, "a cut-off body", verb, url, valid[..(valid.Length / 2)]);
        yield return RestFuzzCase.Json(method, "a JSON array", verb, url, "[" + valid + "]");
        yield return RestFuzzCase.Json(method, "JSON null", verb, url, "null");
        yield return RestFuzzCase.Json(method, "data after the object", verb, url, valid + "{}");
        yield return RestFuzzCase.Json(method, "a duplicate key", verb, url, valid[..^1] + (valid.Length > 2 ? "," : string.Empty) + valid[1..]);
        yield return RestFuzzCase.Json(method, "100000 nested arrays", verb, url, new string('[', 100_000) + new string(']', 100_000));
        yield return RestFuzzCase.Json(method, "a 5 MiB string field", verb, url, "{\"requestId\":\"" + new string('x', 5 << 20) + "\"}");
        yield return RestFuzzCase.Json(method, "a byte-order mark", verb, url, "\ufeff" + valid);
        yield return new RestFuzzCase(method, "invalid UTF-8", verb, url, [.. Encoding.UTF8.GetBytes(valid[..^1] + ",\"x\":\""), 0xC3, 0x28, (byte)'"', (byte)'}']);
        yield return new RestFuzzCase(method, "a raw NUL byte", verb, url, [.. Encoding.UTF8.GetBytes(valid[..^1] + ",\"x\":\""), 0x00, (byte)'"', (byte)'}']);
        yield return new RestFuzzCase(method, "text/plain", verb, url, Encoding.UTF8.GetBytes(valid), "text/plain");
        yield return new RestFuzzCase(method, "charset latin1", verb, url, Encoding.Latin1.GetBytes(valid), "application/json; charset=iso-8859-1");
        yield return new RestFuzzCase(method, "no content type", verb, url, Encoding.UTF8.GetBytes(valid), null);
        foreach (var fuzz in QueryCases(method, verb, url))
        {
            yield return fuzz with { Body = Encoding.UTF8.GetBytes(valid) };
        }
    }

    private static IEnumerable<RestFuzzCase> QueryCases(string method, string verb, string url)
    {
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        foreach (var (label, query) in Queries)
        {
            yield return RestFuzzCase.Json(method, "query " + label, verb, url + separator + query, null);
        }

        yield return RestFuzzCase.Json(method, "a path of 20000 chars", verb, "/v1/subscriptions/" + new string('a', 20_000) + "/seats", null);
    }

    /// <summary>Every property path of a JSON object, into objects and the first element of arrays.</summary>
    private static IEnumerable<string> Paths(JsonNode node, string prefix)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
                    yield return path;
                    if (value is not null)
                    {
                        foreach (var inner in Paths(value, path))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray { Count: > 0 } array when array[0] is { } first:
                foreach (var inner in Paths(first, prefix + "[0]"))
                {
                    yield return inner;
                }

                break;
        }
    }

    private static string Replace(JsonObject body, string path, string json)
    {
        var copy = JsonNode.Parse(body.ToJsonString())!;
        var parts = path.Split('.');
        var target = copy;
        foreach (var part in parts[..^1])
        {
            target = Step(target, part);
        }

        var last = parts[^1];
        var marker = "__FUZZ_VALUE__";
        if (last.EndsWith("[0]", StringComparison.Ordinal))
        {
            Step(target, last[..^3]).AsArray()[0] = marker;
        }
        else
        {
            target.AsObject()[last] = marker;
        }

        // The raw JSON goes in as text: JsonNode would refuse a lone surrogate, 1e400 or deep nesting.
        return copy.ToJsonString().Replace("\"" + marker + "\"", json, StringComparison.Ordinal);
    }

    private static JsonNode Step(JsonNode node, string part) =>
        part.EndsWith("[0]", StringComparison.Ordinal) ? node[part[..^3]]!.AsArray()[0]! : node[part]!;
}
