using Grpc.Core;
using SeatGrpc.Chaos.Tests.Api;
using SeatGrpc.Chaos.Tests.Infrastructure;

namespace SeatGrpc.Chaos.Tests.Model;

/// <summary>Reads a pool's state from the server's own answers, for the model check.</summary>
internal static class Observer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Reads the pool; the event log is read until the event of <paramref name="sentinelRequestId"/>.</summary>
    /// <exception cref="ObservationException">An answer the checker cannot read the state from.</exception>
    public static async Task<PoolObservation> ObserveAsync(
        ServerEndpoint endpoint, string pool, string sentinelRequestId, Random random, CancellationToken cancellationToken)
    {
        var got = await endpoint.Grpc.GetPoolAsync(new GetSeatPoolRequest { Name = pool }, Timeout, cancellationToken).ConfigureAwait(false);
        var state = got.Response?.Pool ?? throw new ObservationException($"GetSeatPool {pool}: {got.Outcome.Describe()}");

        // Pages through both transports, small pages for the seats that hold capacity.
        var api = endpoint.Api(random.Next(2) == 0);
        var (active, total, available) = await ListAllAsync(api, pool, SeatStatus.Unspecified, 1 + random.Next(4), cancellationToken).ConfigureAwait(false);
        var (revoked, _, _) = await ListAllAsync(api, pool, SeatStatus.Revoked, 200 + random.Next(800), cancellationToken).ConfigureAwait(false);
        var events = await ReadEventsAsync(endpoint.Client, pool, sentinelRequestId, cancellationToken).ConfigureAwait(false);
        return new PoolObservation(pool, state, active, revoked, total, available, events);
    }

    private static async Task<(List<Seat> Seats, int Total, int Available)> ListAllAsync(
        ISeatApi api, string pool, SeatStatus status, int pageSize, CancellationToken cancellationToken)
    {
        var seats = new List<Seat>();
        int? total = null;
        int? available = null;
        var token = string.Empty;
        do
        {
            var request = new ListSeatsRequest { Parent = pool, Status = status, PageSize = pageSize, PageToken = token };
            var page = await api.ListSeatsAsync(request, Timeout, cancellationToken).ConfigureAwait(false);
            var response = page.Response ?? throw new ObservationException($"{api.Transport} ListSeats {pool} {status}: {page.Outcome.Describe()}");
            if ((total ?? response.TotalSeats) != response.TotalSeats || (available ?? response.AvailableSeats) != response.AvailableSeats)
            {
                throw new ObservationException($"{api.Transport} ListSeats {pool}: the totals changed between pages of a quiet pool: {response}");
            }

            total = response.TotalSeats;
            available = response.AvailableSeats;
            seats.AddRange(response.Seats);
            token = response.NextPageToken;
        }
        while (token.Length > 0);
        return (seats, total ?? 0, available ?? 0);
    }

    private static async Task<List<SeatEvent>> ReadEventsAsync(
        SeatService.SeatServiceClient client, string pool, string sentinelRequestId, CancellationToken cancellationToken)
    {
        var events = new List<SeatEvent>();
        using var call = client.WatchSeatEvents(
            new WatchSeatEventsRequest { Parent = pool, AfterSequence = 0 }, deadline: DateTime.UtcNow + Timeout, cancellationToken: cancellationToken);
        try
        {
            while (await call.ResponseStream.MoveNext(cancellationToken).ConfigureAwait(false))
            {
                var next = call.ResponseStream.Current.Event;
                events.Add(next);
                if (next.RequestId == sentinelRequestId)
                {
                    return events;
                }
            }
        }
        catch (RpcException ex)
        {
            // Whether the server had started its answer tells a call stuck before the server's handler began its
            // response from one whose events never came.
            var headers = call.ResponseHeadersAsync.IsCompletedSuccessfully ? "response headers received" : "no response headers";
            throw new ObservationException($"WatchSeatEvents {pool} after {events.Count} events ({headers}): {ex.Status}");
        }

        throw new ObservationException($"WatchSeatEvents {pool} ended after {events.Count} events without the checkpoint's event {sentinelRequestId}");
    }
}
