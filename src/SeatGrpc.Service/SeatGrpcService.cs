using Grpc.Core;
using SeatGrpc.Service.Internal;
using Seats.V1;

namespace SeatGrpc.Service;

/// <summary>
/// <c>seats.v1.SeatService</c>: every RPC validates its request, calls the domain and maps the result; errors leave
/// as <see cref="RpcException"/> with a <c>google.rpc.Status</c> (ErrorInfo, BadRequest) in <c>grpc-status-details-bin</c>.
/// </summary>
public sealed class SeatGrpcService : SeatService.SeatServiceBase
{
    private readonly CallGuard _guard;
    private readonly SeatCommands _commands;
    private readonly SeatQueries _queries;
    private readonly BatchExecutor _batches;
    private readonly ManageSeatsStream _manageSeats;
    private readonly EventStream _events;

    internal SeatGrpcService(
        CallGuard guard, SeatCommands commands, SeatQueries queries, BatchExecutor batches, ManageSeatsStream manageSeats, EventStream events)
    {
        _guard = guard;
        _commands = commands;
        _queries = queries;
        _batches = batches;
        _manageSeats = manageSeats;
        _events = events;
    }

    public override Task<AssignSeatResponse> AssignSeat(AssignSeatRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => _commands.AssignSeatAsync(request, ct));

    public override Task<ListSeatsResponse> ListSeats(ListSeatsRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => _queries.ListSeatsAsync(request, ct));

    public override Task<GetSeatResponse> GetSeat(GetSeatRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => _queries.GetSeatAsync(request, ct));

    public override Task<RevokeSeatResponse> RevokeSeat(RevokeSeatRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => _commands.RevokeSeatAsync(request, ct));

    public override Task<ResendInvitationResponse> ResendInvitation(ResendInvitationRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => _commands.ResendInvitationAsync(request, ct));

    public override Task<ClaimSeatResponse> ClaimSeat(ClaimSeatRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => _commands.ClaimSeatAsync(request, ct));

    public override Task<ListClaimedSubscriptionsResponse> ListClaimedSubscriptions(
        ListClaimedSubscriptionsRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => _queries.ListClaimedSubscriptionsAsync(request, ct));

    public override Task ManageSeats(
        IAsyncStreamReader<ManageSeatsRequest> requestStream, IServerStreamWriter<ManageSeatsResponse> responseStream, ServerCallContext context) =>
        _guard.RunAsync(context, ct => _manageSeats.RunAsync(requestStream, responseStream, ct));

    public override Task<BatchManageSeatsResponse> BatchManageSeats(BatchManageSeatsRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, async ct =>
        {
            var outcome = await _batches.ApplyAsync(request, request.Parent, request.Changes, request.RequestId, ct).ConfigureAwait(false);
            return outcome.Response ?? throw outcome.Error!.ToRpcException();
        });

    public override Task WatchSeatEvents(
        WatchSeatEventsRequest request, IServerStreamWriter<WatchSeatEventsResponse> responseStream, ServerCallContext context) =>
        _guard.RunAsync(context, ct => _events.RunAsync(request, responseStream, context, ct));

    public override Task<UpsertSeatPoolResponse> UpsertSeatPool(UpsertSeatPoolRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => _commands.UpsertSeatPoolAsync(request, ct));

    public override Task<GetSeatPoolResponse> GetSeatPool(GetSeatPoolRequest request, ServerCallContext context) =>
        _guard.RunAsync(context, ct => _queries.GetSeatPoolAsync(request, ct));
}
