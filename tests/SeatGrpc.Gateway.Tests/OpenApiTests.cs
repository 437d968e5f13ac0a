using System.Net;
using System.Text.Json;

namespace SeatGrpc.Gateway.Tests;

public sealed class OpenApiTests : IClassFixture<GatewayServerFixture>
{
    private readonly HttpClient _client;

    public OpenApiTests(GatewayServerFixture fixture) => _client = fixture.Client;

    private async Task<JsonElement> DocumentAsync() =>
        await JsonAssert.ReadAsync(await _client.GetAsync("/openapi.json"), HttpStatusCode.OK);

    [Fact]
    public async Task Document_ListsEveryBindingAsPathAndMethod()
    {
        var document = await DocumentAsync();

        Assert.Equal("3.0.3", document.GetProperty("openapi").GetString());
        Assert.Equal("Gateway tests", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths");
        Assert.Equal(["delete", "get", "patch", "put"], Methods(paths, "/v1/things/{name}"));
        Assert.Equal(["get", "post"], Methods(paths, "/v1/shelves/{parent}/things"));
        Assert.Equal(["get"], Methods(paths, "/v1/boxes/{parent}/things"));
        Assert.Equal(["post"], Methods(paths, "/v1/things/{name}:polish"));
        Assert.Equal(["post"], Methods(paths, "/v1/things:claim"));
        Assert.Equal(["get"], Methods(paths, "/v1/items/{id}"));
        Assert.Equal(["get"], Methods(paths, "/v1/shelves/{parent}/things:watch"));
        Assert.DoesNotContain(paths.EnumerateObject(), path => path.Value.EnumerateObject().Any(op => op.Value.GetProperty("operationId").GetString()!.Contains("Chat", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Operation_HasPathAndQueryParametersAndCommentSummary()
    {
        var document = await DocumentAsync();

        var list = document.GetProperty("paths").GetProperty("/v1/boxes/{parent}/things").GetProperty("get");
        Assert.Equal("TestService_ListThings_2", list.GetProperty("operationId").GetString());
        Assert.Equal("Lists the things of a shelf or a box.", list.GetProperty("summary").GetString());
        var parameters = list.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p);
        Assert.Equal(["color", "pageSize", "parent"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("path", parameters["parent"].GetProperty("in").GetString());
        Assert.Contains("boxes/*", parameters["parent"].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("query", parameters["pageSize"].GetProperty("in").GetString());
        Assert.Equal("integer", parameters["pageSize"].GetProperty("schema").GetProperty("type").GetString());
        Assert.Equal("#/components/schemas/gateway.test.v1.Color", parameters["color"].GetProperty("schema").GetProperty("$ref").GetString());
    }

    [Fact]
    public async Task Operation_HasRequestBodyAndResponses()
    {
        var document = await DocumentAsync();

        var create = document.GetProperty("paths").GetProperty("/v1/shelves/{parent}/things").GetProperty("post");
        Assert.Equal(
            "#/components/schemas/gateway.test.v1.Thing",
            create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal(["parent", "requestId"], create.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(
            "#/components/schemas/google.rpc.Status",
            create.GetProperty("responses").GetProperty("default").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        var watch = document.GetProperty("paths").GetProperty("/v1/shelves/{parent}/things:watch").GetProperty("get");
        Assert.True(watch.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/x-ndjson", out _));
    }

    [Fact]
    public async Task Schemas_DescribeMessagesFieldsAndEnumsFromComments()
    {
        var document = await DocumentAsync();

        var schemas = document.GetProperty("components").GetProperty("schemas");
        var thing = schemas.GetProperty("gateway.test.v1.Thing");
        Assert.Equal("A thing.", thing.GetProperty("description").GetString());
        var properties = thing.GetProperty("properties");
        Assert.Equal("The thing's size.", properties.GetProperty("size").GetProperty("description").GetString());
        Assert.Equal("int32", properties.GetProperty("size").GetProperty("format").GetString());
        Assert.Equal("date-time", properties.GetProperty("createTime").GetProperty("format").GetString());
        Assert.True(properties.GetProperty("createTime").GetProperty("readOnly").GetBoolean());
        Assert.Equal("object", properties.GetProperty("labels").GetProperty("type").GetString());
        Assert.Equal(
            ["COLOR_UNSPECIFIED", "COLOR_RED", "COLOR_BLUE"],
            schemas.GetProperty("gateway.test.v1.Color").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.False(schemas.TryGetProperty("gateway.test.v1.GetThingRequest", out _)); // no body, so no schema
        Assert.Equal(["token"], schemas.GetProperty("gateway.test.v1.ClaimThingRequest").GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.True(schemas.TryGetProperty("google.rpc.Status", out _));
    }

    private static string[] Methods(JsonElement paths, string path) =>
        paths.GetProperty(path).EnumerateObject().Select(m => m.Name).Order(StringComparer.Ordinal).ToArray();
}
