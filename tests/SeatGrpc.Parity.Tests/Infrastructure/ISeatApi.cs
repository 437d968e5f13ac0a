namespace SeatGrpc.Parity.Tests.Infrastructure;

/// <summary>SeatService as a scenario calls it, over one transport; every call is bounded by a timeout.</summary>
internal interface ISeatApi
{
    /// <summary>"gRPC" or "REST", for messages.</summary>
    string Transport { get; }

    Task<Outcome<UpsertSeatPoolResponse>> UpsertSeatPoolAsync(UpsertSeatPoolRequest request);

    Task<Outcome<GetSeatPoolResponse>> GetSeatPoolAsync(GetSeatPoolRequest request);

    Task<Outcome<AssignSeatResponse>> AssignSeatAsync(AssignSeatRequest request);

    Task<Outcome<ListSeatsResponse>> ListSeatsAsync(ListSeatsRequest request);

    Task<Outcome<GetSeatResponse>> GetSeatAsync(GetSeatRequest request);

    Task<Outcome<RevokeSeatResponse>> RevokeSeatAsync(RevokeSeatRequest request);

    Task<Outcome<ResendInvitationResponse>> ResendInvitationAsync(ResendInvitationRequest request);

    Task<Outcome<ClaimSeatResponse>> ClaimSeatAsync(ClaimSeatRequest request);

    Task<Outcome<ListClaimedSubscriptionsResponse>> ListClaimedSubscriptionsAsync(ListClaimedSubscriptionsRequest request);

    Task<Outcome<BatchManageSeatsResponse>> BatchManageSeatsAsync(BatchManageSeatsRequest request);

    /// <summary>Opens WatchSeatEvents; the stream ends when the watch is disposed or <paramref name="cancellationToken"/> fires.</summary>
    Task<IEventWatch> WatchSeatEventsAsync(WatchSeatEventsRequest request, CancellationToken cancellationToken);
}
