using System.Text.Json.Nodes;
using Google.Protobuf;
using SeatGrpc.Chaos.Tests.Api;

namespace SeatGrpc.Chaos.Tests.Fuzz;

/// <summary>
/// The REST form of a method, from the contract's google.api.http rule: the verb, the path with its one variable, and
/// where the other fields go (the whole body, one body field, or the query string).
/// </summary>
internal sealed record RestRoute(string Verb, string Before, string PathField, string After, string? BodyField)
{
    private static readonly Dictionary<string, RestRoute> Routes = new(StringComparer.Ordinal)
    {
        ["AssignSeat"] = new("POST", "/v1/", "parent", "/seats", "*"),
        ["ListSeats"] = new("GET", "/v1/", "parent", "/seats", null),
        ["GetSeat"] = new("GET", "/v1/", "name", string.Empty, null),
        ["RevokeSeat"] = new("DELETE", "/v1/", "name", string.Empty, null),
        ["ResendInvitation"] = new("POST", "/v1/", "name", ":resendInvitation", "*"),
        ["ClaimSeat"] = new("POST", "/v1/seats:claim", string.Empty, string.Empty, "*"),
        ["ListClaimedSubscriptions"] = new("GET", "/v1/", "customer", "/claimedSubscriptions", null),
        ["BatchManageSeats"] = new("PUT", "/v1/", "parent", "/seats", "*"),
        ["WatchSeatEvents"] = new("GET", "/v1/", "parent", "/seatEvents:watch", null),
        ["UpsertSeatPool"] = new("PUT", "/v1/", "pool.name", string.Empty, "pool"),
        ["GetSeatPool"] = new("GET", "/v1/", "name", string.Empty, null),
    };

    /// <summary>The route of a method; null for ManageSeats, which has none.</summary>
    public static RestRoute? Of(string method) => Routes.GetValueOrDefault(method);

    /// <summary>The URL (path and query) and the JSON body (null for none) of a request.</summary>
    public (string Url, JsonObject? Body) Build(IMessage request)
    {
        var json = JsonNode.Parse(RestJson.Format(request))!.AsObject();
        var variable = PathField.Length == 0 ? string.Empty : Take(json, PathField);
        JsonObject? body = null;
        if (BodyField == "*")
        {
            body = json;
            json = [];
        }
        else if (BodyField is { } field)
        {
            body = (json[field] as JsonObject) ?? [];
            json.Remove(field);
        }

        var query = string.Join('&', json.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(Scalar(p.Value))}"));
        return ($"{Before}{Escape(variable)}{After}{(query.Length > 0 ? "?" + query : string.Empty)}", body);
    }

    /// <summary>A resource name in a path: the collection as it is, the id escaped (so "a/b" stays in its segment).</summary>
    private static string Escape(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? Uri.EscapeDataString(name) : Uri.EscapeDataString(name[..slash]) + "/" + Uri.EscapeDataString(name[(slash + 1)..]);
    }

    private static string Take(JsonObject json, string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            return json[path[..dot]] is JsonObject inner ? Take(inner, path[(dot + 1)..]) : string.Empty;
        }

        var name = Camel(path);
        var value = json[name]?.GetValue<string>() ?? string.Empty;
        json.Remove(name);
        return value;
    }

    private static string Camel(string name)
    {
        var parts = name.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }

    private static string Scalar(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        null => string.Empty,
        _ => value.ToJsonString(),
    };
}
