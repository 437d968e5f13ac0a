using SeatGrpc.Domain;
using Seats.V1;

namespace SeatGrpc.Service.Internal;

/// <summary>The reads: validated, then answered from one domain call each, within the caller's tenant.</summary>
internal static class SeatQueries
{
    private const string CustomerPrefix = "customers/";

    public static async Task<ListSeatsResponse> ListSeatsAsync(TenantSeats seats, ListSeatsRequest request, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request).ThrowIfAny();
        var page = await seats.ListSeatsAsync(
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

    public static async Task<GetSeatResponse> GetSeatAsync(TenantSeats seats, GetSeatRequest request, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request).ThrowIfAny();
        var seat = await seats.GetSeatAsync(request.Name, cancellationToken).ConfigureAwait(false);
        return new GetSeatResponse { Seat = ProtoMapper.ToProto(seat) };
    }

    public static async Task<ListClaimedSubscriptionsResponse> ListClaimedSubscriptionsAsync(TenantSeats seats, ListClaimedSubscriptionsRequest request, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request).ThrowIfAny();
        var customerId = request.Customer[CustomerPrefix.Length..];
        var page = await seats.ListClaimedSubscriptionsAsync(
                customerId, request.PageSize, ProtoMapper.NullIfEmpty(request.PageToken), cancellationToken)
            .ConfigureAwait(false);
        var response = new ListClaimedSubscriptionsResponse { NextPageToken = page.NextPageToken ?? string.Empty };
        foreach (var claimed in page.Subscriptions)
        {
            response.ClaimedSubscriptions.Add(ProtoMapper.ToProto(claimed));
        }

        return response;
    }

    public static async Task<GetSeatPoolResponse> GetSeatPoolAsync(TenantSeats seats, GetSeatPoolRequest request, CancellationToken cancellationToken)
    {
        RequestValidator.Validate(request).ThrowIfAny();
        var pool = await seats.GetPoolAsync(request.Name, cancellationToken).ConfigureAwait(false);
        return new GetSeatPoolResponse { Pool = ProtoMapper.ToProto(pool) };
    }
}
