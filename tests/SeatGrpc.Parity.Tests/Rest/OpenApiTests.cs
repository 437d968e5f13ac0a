using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Google.Api;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Rest;

/// <summary>
/// GET /openapi.json and /swagger on the real host: every REST binding of the contract, described with the contract's
/// own comments, at paths whose URLs reach the RPC.
/// </summary>
public sealed partial class OpenApiTests : IClassFixture<ParityServer>
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch"];

    private readonly ParityServer _server;

    public OpenApiTests(ParityServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task Paths_EveryBindingOfTheContractOnce()
    {
        var document = await ReadDocumentAsync();

        // OpenAPI names path parameters; the contract's templates say what each path matches. Compare the two with
        // the names left out: /v1/{parent=orders/*}/seats matches /v1/orders/{}/seats.
        var expected = SeatService.Descriptor.Methods.Concat(ApiKeyService.Descriptor.Methods)
            .SelectMany(method => Bindings(method).Select(rule => $"{Verb(rule)} {Shape(Template(rule))}"))
            .Order(StringComparer.Ordinal);
        var actual = Operations(document)
            .Select(operation => $"{operation.Method} {ParameterName().Replace(operation.Path, "{}")}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Operations_EachHasAUniqueIdItsCommentAndDeclaredPathParameters()
    {
        var document = await ReadDocumentAsync();

        var operations = Operations(document).ToList();
        Assert.All(operations, operation =>
        {
            // The summary is the comment's first paragraph on one line; the description is all of it.
            var description = operation.Value.GetProperty("description").GetString();
            Assert.False(string.IsNullOrWhiteSpace(description), operation.Path);
            Assert.Equal(description!.Split("\n\n")[0].Replace('\n', ' '), operation.Value.GetProperty("summary").GetString());
            var parameters = operation.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
            Assert.All(parameters, parameter => Assert.False(string.IsNullOrWhiteSpace(parameter.GetProperty("description").GetString()), $"{operation.Path} {parameter}"));
            var pathParameters = parameters.Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString());
            Assert.Equal(ParameterName().Matches(operation.Path).Select(m => m.Groups[1].Value), pathParameters);
        });
        var ids = operations.Select(operation => operation.Value.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Schemas_EverySchemaAndFieldDescribed()
    {
        var document = await ReadDocumentAsync();

        var schemas = document.GetProperty("components").GetProperty("schemas").EnumerateObject().ToList();
        Assert.Contains(schemas, schema => schema.Name == "google.rpc.Status");
        Assert.All(schemas, schema =>
        {
            Assert.False(string.IsNullOrWhiteSpace(schema.Value.GetProperty("description").GetString()), schema.Name);
            var properties = schema.Value.TryGetProperty("properties", out var list) ? list.EnumerateObject().ToList() : [];
            Assert.All(properties, property => Assert.False(string.IsNullOrWhiteSpace(property.Value.GetProperty("description").GetString()), $"{schema.Name}.{property.Name}"));
        });
    }

    [Fact]
    public async Task AssignSeatOperation_DescriptionIsTheProtoComment()
    {
        var document = await ReadDocumentAsync();

        var assign = document.GetProperty("paths").GetProperty("/v1/subscriptions/{parent}/seats").GetProperty("post");
        Assert.Equal("SeatService_AssignSeat", assign.GetProperty("operationId").GetString());
        Assert.Equal("Assigns an empty seat of a pool to a grantee.", assign.GetProperty("summary").GetString());
        Assert.Equal(
            "Assigns an empty seat of a pool to a grantee.\n\n"
            + "Errors: NOT_FOUND `POOL_NOT_FOUND`; FAILED_PRECONDITION\n"
            + "`NO_SEATS_AVAILABLE` when every seat is taken; ALREADY_EXISTS\n"
            + "`GRANTEE_ALREADY_SEATED` when the grantee holds a non-revoked seat.",
            assign.GetProperty("description").GetString());
        var parent = Assert.Single(assign.GetProperty("parameters").EnumerateArray());
        Assert.Equal(
            "The pool: `subscriptions/{subscription}` or `orders/{order}`. In this path, only the part that fills `*` in `subscriptions/*`.",
            parent.GetProperty("description").GetString());
    }

    [Fact]
    public async Task SchemasAndOrdersBinding_CarryFieldCommentsAndBehavior()
    {
        var document = await ReadDocumentAsync();

        Assert.Equal("SeatGrpc", document.GetProperty("info").GetProperty("title").GetString());
        var orders = document.GetProperty("paths").GetProperty("/v1/orders/{parent}/seats").GetProperty("post");
        Assert.Equal("SeatService_AssignSeat_2", orders.GetProperty("operationId").GetString());
        Assert.StartsWith("Assigns an empty seat", orders.GetProperty("description").GetString(), StringComparison.Ordinal);
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var seat = schemas.GetProperty("seats.v1.Seat");
        Assert.Equal("One seat of a pool, held by one grantee.", seat.GetProperty("description").GetString());
        var etag = seat.GetProperty("properties").GetProperty("etag");
        Assert.StartsWith("Output only. Changes whenever the seat changes", etag.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(etag.GetProperty("readOnly").GetBoolean());

        // REQUIRED fields are required in a body, except those the binding takes from the path.
        Assert.Equal(["invitationToken"], schemas.GetProperty("seats.v1.ClaimSeatRequest").GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.False(schemas.GetProperty("seats.v1.AssignSeatRequest").TryGetProperty("required", out _));
    }

    [Fact]
    public async Task DocumentPaths_WithTheIdFilledIn_ReachTheRpc()
    {
        var paths = (await ReadDocumentAsync()).GetProperty("paths");
        Assert.True(paths.GetProperty("/v1/orders/{name}").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/v1/orders/{parent}/seats").TryGetProperty("post", out _));

        using var upsert = await _server.Http.PutAsJsonAsync(new Uri("/v1/orders/openapi_1", UriKind.Relative), new { totalSeats = 2 }).WithTimeout();
        using var assign = await _server.Http.PostAsJsonAsync(new Uri("/v1/orders/openapi_1/seats", UriKind.Relative), new { email = "ada@example.com" }).WithTimeout();
        using var assigned = JsonDocument.Parse(await assign.Content.ReadAsStringAsync().WithTimeout());

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (upsert.StatusCode, assign.StatusCode));
        Assert.Equal("orders/openapi_1", assigned.RootElement.GetProperty("seat").GetProperty("parent").GetString());
    }

    [Fact]
    public async Task SwaggerUi_ServedAndPointedAtTheDocument()
    {
        using var page = await _server.Http.GetAsync(new Uri("/swagger/index.html", UriKind.Relative)).WithTimeout();
        var script = await _server.Http.GetStringAsync(new Uri("/swagger/index.js", UriKind.Relative)).WithTimeout();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"url\":\"/openapi.json\"", script, StringComparison.Ordinal);
    }

    private static IReadOnlyList<HttpRule> Bindings(Google.Protobuf.Reflection.MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is { } rule ? [rule, .. rule.AdditionalBindings] : [];

    private static string Verb(HttpRule rule) => rule.PatternCase.ToString().ToLowerInvariant();

    private static string Template(HttpRule rule) => rule.PatternCase switch
    {
        HttpRule.PatternOneofCase.Get => rule.Get,
        HttpRule.PatternOneofCase.Put => rule.Put,
        HttpRule.PatternOneofCase.Post => rule.Post,
        HttpRule.PatternOneofCase.Delete => rule.Delete,
        HttpRule.PatternOneofCase.Patch => rule.Patch,
        _ => throw new InvalidOperationException($"Unexpected binding {rule}."),
    };

    /// <summary>{field} is one parameter; {field=a/*/b} is its own segments with each wildcard a parameter.</summary>
    private static string Shape(string template) =>
        Variable().Replace(template, match => match.Groups[2].Success ? Regex.Replace(match.Groups[2].Value, @"\*\*?", "{}") : "{}");

    private static IEnumerable<(string Method, string Path, JsonElement Value)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => HttpMethods.Contains(operation.Name))
                .Select(operation => (operation.Name, path.Name, operation.Value)));

    [Fact]
    public async Task Document_EveryOperationNeedsTheBearerApiKey()
    {
        var document = await ReadDocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));
        var requirement = Assert.Single(document.GetProperty("security").EnumerateArray());
        Assert.True(requirement.TryGetProperty("apiKey", out _));
    }

    private async Task<JsonElement> ReadDocumentAsync()
    {
        using var response = await _server.Http.GetAsync(new Uri("/openapi.json", UriKind.Relative)).WithTimeout();
        var body = await response.Content.ReadAsStringAsync().WithTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    [GeneratedRegex(@"\{([^}=]+)(?:=([^}]*))?\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"\{([^}]*)\}")]
    private static partial Regex ParameterName();
}
