using System.Net;
using System.Text.Json;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Rest;

/// <summary>GET /openapi.json on the real host: the seats.v1 routes, described with the contract's own comments.</summary>
public sealed class OpenApiTests : IClassFixture<ParityServer>
{
    private readonly ParityServer _server;

    public OpenApiTests(ParityServer server)
    {
        _server = server;
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
    }

    [Fact]
    public async Task SchemasAndOrdersBinding_CarryFieldCommentsAndTitle()
    {
        var document = await ReadDocumentAsync();

        Assert.Equal("SeatGrpc", document.GetProperty("info").GetProperty("title").GetString());
        var orders = document.GetProperty("paths").GetProperty("/v1/orders/{parent}/seats").GetProperty("post");
        Assert.StartsWith("Assigns an empty seat", orders.GetProperty("description").GetString(), StringComparison.Ordinal);
        var seat = document.GetProperty("components").GetProperty("schemas").GetProperty("seats.v1.Seat");
        Assert.Equal("One seat of a pool, held by one grantee.", seat.GetProperty("description").GetString());
        var etag = seat.GetProperty("properties").GetProperty("etag");
        Assert.StartsWith("Output only. Changes whenever the seat changes", etag.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(etag.GetProperty("readOnly").GetBoolean());
    }

    private async Task<JsonElement> ReadDocumentAsync()
    {
        using var response = await _server.Http.GetAsync(new Uri("/openapi.json", UriKind.Relative)).WithTimeout();
        var body = await response.Content.ReadAsStringAsync().WithTimeout();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
