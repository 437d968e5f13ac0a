using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using SeatGrpc.Domain;
using SeatGrpc.Service.Internal;
using Seats.V1;

namespace SeatGrpc.Service;

/// <summary>
/// <c>seats.v1.SeatService</c>: every RPC validates its request, calls the domain for the caller's tenant and maps the
/// result; errors leave as <see cref="RpcException"/> with a <c>google.rpc.Status</c> (ErrorInfo, BadRequest) in
/// <c>grpc-status-details-bin</c>. Each method's <c>[Authorize]</c> names the scope it needs (<see cref="SeatPolicies"/>);
/// the class-level one makes a method without its own policy need a valid key all the same. JSON transcoding maps the
/// REST routes onto the same endpoints, so they carry the same attributes.
/// </summary>
[Authorize]
public sealed class SeatGrpcService : SeatService.SeatServiceBase
{
    private readonly CallGuard _guard;
    private readonly SeatStore _store;
    private readonly ManageSeatsStream _manageSeats;
    private readonly EventStream _events;

    internal SeatGrpcService(CallGuard guard, SeatStore store, ManageSeatsStream manageSeats, EventStream events)
    {
        _guard = guard;
        _store = store;
        _manageSeats = manageSeats;
        _events = events;
    }

    [Authorize(Policy = SeatPolicies.Write)]
    public override Task<AssignSeatResponse> AssignSeat(AssignSeatRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => SeatCommands.AssignSeatAsync(SeatsOf(context), request, ct));

    [Authorize(Policy = SeatPolicies.Read)]
    public override Task<ListSeatsResponse> ListSeats(ListSeatsRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => SeatQueries.ListSeatsAsync(SeatsOf(context), request, ct));

    [Authorize(Policy = SeatPolicies.Read)]
    public override Task<GetSeatResponse> GetSeat(GetSeatRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => SeatQueries.GetSeatAsync(SeatsOf(context), request, ct));

    [Authorize(Policy = SeatPolicies.Write)]
    public override Task<RevokeSeatResponse> RevokeSeat(RevokeSeatRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => SeatCommands.RevokeSeatAsync(SeatsOf(context), request, ct));

    [Authorize(Policy = SeatPolicies.Write)]
    public override Task<ResendInvitationResponse> ResendInvitation(ResendInvitationRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => SeatCommands.ResendInvitationAsync(SeatsOf(context), request, ct));

    [Authorize(Policy = SeatPolicies.Write)]
    public override Task<ClaimSeatResponse> ClaimSeat(ClaimSeatRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => SeatCommands.ClaimSeatAsync(SeatsOf(context), request, ct));

    [Authorize(Policy = SeatPolicies.Read)]
    public override Task<ListClaimedSubscriptionsResponse> ListClaimedSubscriptions(
        ListClaimedSubscriptionsRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => SeatQueries.ListClaimedSubscriptionsAsync(SeatsOf(context), request, ct));

    [Authorize(Policy = SeatPolicies.Write)]
    public override Task ManageSeats(
        IAsyncStreamReader<ManageSeatsRequest> requestStream, IServerStreamWriter<ManageSeatsResponse> responseStream, ServerCallContext context) =>
        _guard.RunAsync(context, ct => _manageSeats.RunAsync(SeatsOf(context), requestStream, responseStream, ct));

    [Authorize(Policy = SeatPolicies.Write)]
    public override Task<BatchManageSeatsResponse> BatchManageSeats(BatchManageSeatsRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, async ct =>
        {
            var outcome = await BatchExecutor.ApplyAsync(SeatsOf(context), request, request.Parent, request.Changes, request.RequestId, ct)
                .ConfigureAwait(false);
            return outcome.Response ?? throw outcome.Error!.ToRpcException();
        });

    [Authorize(Policy = SeatPolicies.Read)]
    public override Task WatchSeatEvents(
        WatchSeatEventsRequest request, IServerStreamWriter<WatchSeatEventsResponse> responseStream, ServerCallContext context) =>
        _guard.RunAsync(context, ct => _events.RunAsync(SeatsOf(context), request, responseStream, context, ct));

    [Authorize(Policy = SeatPolicies.Admin)]
    public override Task<UpsertSeatPoolResponse> UpsertSeatPool(UpsertSeatPoolRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => SeatCommands.UpsertSeatPoolAsync(SeatsOf(context), request, ct));

    [Authorize(Policy = SeatPolicies.Read)]
    public override Task<GetSeatPoolResponse> GetSeatPool(GetSeatPoolRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => SeatQueries.GetSeatPoolAsync(SeatsOf(context), request, ct));

    /// <summary>The seat rules scoped to the caller's tenant, passed explicitly into the domain.</summary>
    private TenantSeats SeatsOf(ServerCallContext context) => _store.Allocator.For(context.GetCaller());
}
