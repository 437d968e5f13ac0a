using System.Text.Json.Nodes;
using SeatGrpc.Parity.Tests.Infrastructure;

namespace SeatGrpc.Parity.Tests.Rest;

/// <summary>The JSON that REST answers with, as the proto3 JSON mapping writes it: defaults present, int64 as strings.</summary>
public sealed class JsonMappingTests : IClassFixture<ParityServer>
{
    private readonly ParityServer _server;

    public JsonMappingTests(ParityServer server)
    {
        _server = server;
    }

    [Fact]
    public async Task EmptyPage_CountsOfZeroAndEmptyTokenAreWritten()
    {
        var pool = await _server.CreatePoolAsync(0);

        var page = await RestExchange.SendAsync(_server.Http, "GET", RestSeatApi.Path(pool) + "/seats");

        var json = JsonNode.Parse(page.Body)!.AsObject();
        Assert.Equal(0, json["totalSeats"]!.GetValue<int>());
        Assert.Equal(0, json["availableSeats"]!.GetValue<int>());
        Assert.Equal(string.Empty, json["nextPageToken"]!.GetValue<string>());
        Assert.Empty(json["seats"]!.AsArray());
    }

    [Fact]
    public async Task EventSequence_Int64WrittenAsAString()
    {
        var pool = await _server.CreatePoolAsync(1);
        await _server.Client.AssignSeatAsync(new AssignSeatRequest { Parent = pool, Email = "seq@example.com" }).ResponseAsync.WithTimeout();

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await _server.Http.GetAsync(new Uri(RestSeatApi.Path(pool) + "/seatEvents:watch", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var line = await reader.ReadLineAsync(cancel.Token);

        var sequence = JsonNode.Parse(line!)!["event"]!["sequence"]!;
        Assert.Equal(System.Text.Json.JsonValueKind.String, sequence.GetValueKind());
        Assert.Equal("1", sequence.GetValue<string>());
    }
}
