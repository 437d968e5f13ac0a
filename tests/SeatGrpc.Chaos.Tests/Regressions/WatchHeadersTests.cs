using System.Net;
using Grpc.Core;
using SeatGrpc.Chaos.Tests.Infrastructure;
using Xunit;

namespace SeatGrpc.Chaos.Tests.Regressions;

/// <summary>
/// Found by the REST fuzzer: a watch that resumes at the head of the log (after_sequence at or past the last event, the
/// usual case for a change feed) got no status line and no headers until the next change, so HttpClient's header
/// timeout (or a proxy's) failed it; gRPC clients waiting for the response headers hung the same way. The response now
/// starts as soon as the pool is known.
/// </summary>
public sealed class WatchHeadersTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task WatchSeatEvents_ResumedAtTheHeadOfTheLog_HeadersBeforeTheNextChange()
    {
        await using var cluster = await ServerCluster.StartSqliteAsync();
        var endpoint = cluster.Replicas[0].Current!;
        const string pool = "subscriptions/watch-head";
        await endpoint.Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = pool, TotalSeats = 2 } }).ResponseAsync.WithTimeout();
        using var stop = new CancellationTokenSource();

        // REST: the status line and headers come while no event is due (the pool's one event is sequence 1).
        using var rest = await endpoint.Http.GetAsync($"/v1/{pool}/seatEvents:watch?afterSequence=1", HttpCompletionOption.ResponseHeadersRead, stop.Token).WithTimeout(Bound);
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        Assert.Equal("application/json", rest.Content.Headers.ContentType?.MediaType);

        // gRPC: the same for the response headers.
        using var grpc = endpoint.Client.WatchSeatEvents(new WatchSeatEventsRequest { Parent = pool, AfterSequence = 1 }, cancellationToken: stop.Token);
        await grpc.ResponseHeadersAsync.WithTimeout(Bound);

        // And the next change still arrives on both.
        await endpoint.Client.AssignSeatAsync(new AssignSeatRequest { Parent = pool, Email = "next@example.com" }).ResponseAsync.WithTimeout();
        using var lines = new StreamReader(await rest.Content.ReadAsStreamAsync(stop.Token));
        Assert.Contains("SEAT_EVENT_TYPE_ASSIGNED", await lines.ReadLineAsync(stop.Token).AsTask().WithTimeout(Bound), StringComparison.Ordinal);
        Assert.True(await grpc.ResponseStream.MoveNext(stop.Token).WithTimeout(Bound));
        Assert.Equal(2, grpc.ResponseStream.Current.Event.Sequence);
        await stop.CancelAsync();
    }

    [Fact]
    public async Task WatchSeatEvents_UnknownPool_OrdinaryNotFoundAnswer()
    {
        await using var cluster = await ServerCluster.StartSqliteAsync();
        var endpoint = cluster.Replicas[0].Current!;

        using var rest = await endpoint.Http.GetAsync("/v1/subscriptions/no-such-pool/seatEvents:watch", HttpCompletionOption.ResponseHeadersRead).WithTimeout(Bound);
        using var grpc = endpoint.Client.WatchSeatEvents(new WatchSeatEventsRequest { Parent = "subscriptions/no-such-pool" });
        var error = await Assert.ThrowsAsync<RpcException>(() => grpc.ResponseStream.MoveNext(CancellationToken.None).WithTimeout(Bound));

        Assert.Equal(HttpStatusCode.NotFound, rest.StatusCode);
        Assert.Contains("POOL_NOT_FOUND", await rest.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
