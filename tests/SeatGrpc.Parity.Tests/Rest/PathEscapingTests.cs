using System.Net;
using Grpc.Core;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Rest;

/// <summary>
/// Escapes in path ids, as http.proto decodes a multi-segment variable (<c>{name=subscriptions/*}</c>): every escape
/// but <c>%2F</c> is decoded; <c>%2F</c> stays as sent, so it never splits a name, and the service rejects the id.
/// </summary>
public sealed class PathEscapingTests : IClassFixture<ParityServer>
{
    private readonly ParityServer _server;

    public PathEscapingTests(ParityServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task EscapedTilde_DecodesToTheSamePool()
    {
        var id = "esc" + Guid.NewGuid().ToString("N")[..8];

        var created = await RestExchange.SendAsync(_server.Http, "PUT", $"/v1/subscriptions/{id}%7Eb", "{\"totalSeats\": 2}");
        var read = await RestExchange.SendAsync(_server.Http, "GET", $"/v1/subscriptions/{id}~b");
        var overGrpc = await _server.Client.GetSeatPoolAsync(new GetSeatPoolRequest { Name = $"subscriptions/{id}~b" }).ResponseAsync.WithTimeout();

        Assert.Equal($"subscriptions/{id}~b", created.Ok<UpsertSeatPoolResponse>().Pool.Name);
        Assert.Equal(created.Ok<UpsertSeatPoolResponse>().Pool, read.Ok<GetSeatPoolResponse>().Pool);
        Assert.Equal(overGrpc.Pool, read.Ok<GetSeatPoolResponse>().Pool);
    }

    [Theory]
    [InlineData("PUT", "/v1/subscriptions/a%2Fb", "{\"totalSeats\": 2}", "pool.name")]
    [InlineData("GET", "/v1/subscriptions/a%2Fb", null, "name")]
    [InlineData("GET", "/v1/seats/a%2Fb", null, "name")]
    [InlineData("DELETE", "/v1/seats/a%2fb", null, "name")]
    [InlineData("POST", "/v1/subscriptions/a%2Fb/seats", "{\"email\": \"x@example.com\"}", "parent")]
    public async Task EscapedSlash_KeptAsSentAndRejectedAsInvalidId(string method, string path, string? body, string field)
    {
        var response = await RestExchange.SendAsync(_server.Http, method, path, body);

        var status = response.Rejected(HttpStatusCode.BadRequest, StatusCode.InvalidArgument, "INVALID_FIELD", field);
        Assert.StartsWith($"Invalid {field}: ", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnescapedSlash_IsAnotherPathNotAnId()
    {
        var response = await RestExchange.SendAsync(_server.Http, "GET", "/v1/subscriptions/a/b");

        // No route matches: ASP.NET Core routing's 404, with no body.
        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Empty(response.Body);
    }
}
