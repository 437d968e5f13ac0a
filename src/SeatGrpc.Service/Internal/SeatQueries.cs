using Seats.V1;

namespace SeatGrpc.Service.Internal;

/// <summary>The reads: validated, then answered from one domain call each.</summary>
internal sealed class SeatQueries
{
    private const string CustomerPrefix = "customers/";

    private readonly SeatStore _store;

    public SeatQueries(SeatStore store)
    {
        _store = store;
    }

    public async Task<ListSeatsResponse> ListSeatsAsync(ListSeatsRequest request, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request).ThrowIfAny();
        var page = await _store.Allocator.ListSeatsAsync(
                request.Parent, ProtoMapper.ToDomain(request.Status), request.PageSize, ProtoMapper.NullIfEmpty(request.PageToken), cancellationToken)
            .ConfigureAwait(false);
        var response = new ListSeatsResponse
        {
            TotalSeats = page.TotalSeats,
            AvailableSeats = page.AvailableSeats,
            NextPageToken = page.NextPageToken ?? string.Empty,
        };
        foreach (var seat in page.Seats)
        {
            response.Seats.Add(ProtoMapper.ToProto(seat));
        }

        return response;
    }

    public async Task<GetSeatResponse> GetSeatAsync(GetSeatRequest request, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request).ThrowIfAny();
        var seat = await _store.Allocator.GetSeatAsync(request.Name, cancellationToken).ConfigureAwait(false);
        return new GetSeatResponse { Seat = ProtoMapper.ToProto(seat) };
    }

    public async Task<ListClaimedSubscriptionsResponse> ListClaimedSubscriptionsAsync(
        ListClaimedSubscriptionsRequest request, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request).ThrowIfAny();
        var customerId = request.Customer[CustomerPrefix.Length..];
        var page = await _store.Allocator.ListClaimedSubscriptionsAsync(
                customerId, request.PageSize, ProtoMapper.NullIfEmpty(request.PageToken), cancellationToken)
            .ConfigureAwait(false);
        var response = new ListClaimedSubscriptionsResponse { NextPageToken = page.NextPageToken ?? string.Empty };
        foreach (var claimed in page.Subscriptions)
        {
            response.ClaimedSubscriptions.Add(ProtoMapper.ToProto(claimed));
        }

        return response;
    }

    public async Task<GetSeatPoolResponse> GetSeatPoolAsync(GetSeatPoolRequest request, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request).ThrowIfAny();
        var pool = await _store.Allocator.GetPoolAsync(request.Name, cancellationToken).ConfigureAwait(false);
        return new GetSeatPoolResponse { Pool = ProtoMapper.ToProto(pool) };
    }
}
