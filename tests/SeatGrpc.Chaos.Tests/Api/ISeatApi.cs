namespace SeatGrpc.Chaos.Tests.Api;

/// <summary>The seat RPCs over one transport (gRPC or REST), each attempt bounded by <paramref name="timeout"/>.</summary>
internal interface ISeatApi
{
    /// <summary>Gets the transport's name for reports: "grpc" or "rest".</summary>
    string Transport { get; }

    Task<CallResult<AssignSeatResponse>> AssignAsync(AssignSeatRequest request, TimeSpan timeout, CancellationToken cancellationToken);

    Task<CallResult<RevokeSeatResponse>> RevokeAsync(RevokeSeatRequest request, TimeSpan timeout, CancellationToken cancellationToken);

    Task<CallResult<ResendInvitationResponse>> ResendAsync(ResendInvitationRequest request, TimeSpan timeout, CancellationToken cancellationToken);

    Task<CallResult<ClaimSeatResponse>> ClaimAsync(ClaimSeatRequest request, TimeSpan timeout, CancellationToken cancellationToken);

    Task<CallResult<BatchManageSeatsResponse>> BatchAsync(BatchManageSeatsRequest request, TimeSpan timeout, CancellationToken cancellationToken);

    Task<CallResult<UpsertSeatPoolResponse>> UpsertPoolAsync(UpsertSeatPoolRequest request, TimeSpan timeout, CancellationToken cancellationToken);

    Task<CallResult<GetSeatPoolResponse>> GetPoolAsync(GetSeatPoolRequest request, TimeSpan timeout, CancellationToken cancellationToken);

    Task<CallResult<GetSeatResponse>> GetSeatAsync(GetSeatRequest request, TimeSpan timeout, CancellationToken cancellationToken);

    Task<CallResult<ListSeatsResponse>> ListSeatsAsync(ListSeatsRequest request, TimeSpan timeout, CancellationToken cancellationToken);
}
