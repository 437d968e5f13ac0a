using Google.Protobuf;
using Grpc.Core;

namespace SeatGrpc.Parity.Tests.Infrastructure;

/// <summary>The seat API through the generated <see cref="SeatService.SeatServiceClient"/> over a GrpcChannel.</summary>
internal sealed class GrpcSeatApi : ISeatApi
{
    private readonly SeatService.SeatServiceClient _client;

    public GrpcSeatApi(SeatService.SeatServiceClient client)
    {
        _client = client;
    }

    public string Transport => "gRPC";

    public Task<Outcome<UpsertSeatPoolResponse>> UpsertSeatPoolAsync(UpsertSeatPoolRequest request) =>
        CallAsync(() => _client.UpsertSeatPoolAsync(request, deadline: Deadline()).ResponseAsync);

    public Task<Outcome<GetSeatPoolResponse>> GetSeatPoolAsync(GetSeatPoolRequest request) =>
        CallAsync(() => _client.GetSeatPoolAsync(request, deadline: Deadline()).ResponseAsync);

    public Task<Outcome<AssignSeatResponse>> AssignSeatAsync(AssignSeatRequest request) =>
        CallAsync(() => _client.AssignSeatAsync(request, deadline: Deadline()).ResponseAsync);

    public Task<Outcome<ListSeatsResponse>> ListSeatsAsync(ListSeatsRequest request) =>
        CallAsync(() => _client.ListSeatsAsync(request, deadline: Deadline()).ResponseAsync);

    public Task<Outcome<GetSeatResponse>> GetSeatAsync(GetSeatRequest request) =>
        CallAsync(() => _client.GetSeatAsync(request, deadline: Deadline()).ResponseAsync);

    public Task<Outcome<RevokeSeatResponse>> RevokeSeatAsync(RevokeSeatRequest request) =>
        CallAsync(() => _client.RevokeSeatAsync(request, deadline: Deadline()).ResponseAsync);

    public Task<Outcome<ResendInvitationResponse>> ResendInvitationAsync(ResendInvitationRequest request) =>
        CallAsync(() => _client.ResendInvitationAsync(request, deadline: Deadline()).ResponseAsync);

    public Task<Outcome<ClaimSeatResponse>> ClaimSeatAsync(ClaimSeatRequest request) =>
        CallAsync(() => _client.ClaimSeatAsync(request, deadline: Deadline()).ResponseAsync);

    public Task<Outcome<ListClaimedSubscriptionsResponse>> ListClaimedSubscriptionsAsync(ListClaimedSubscriptionsRequest request) =>
        CallAsync(() => _client.ListClaimedSubscriptionsAsync(request, deadline: Deadline()).ResponseAsync);

    public Task<Outcome<BatchManageSeatsResponse>> BatchManageSeatsAsync(BatchManageSeatsRequest request) =>
        CallAsync(() => _client.BatchManageSeatsAsync(request, deadline: Deadline()).ResponseAsync);

    public Task<IEventWatch> WatchSeatEventsAsync(WatchSeatEventsRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IEventWatch>(new GrpcEventWatch(_client.WatchSeatEvents(request, cancellationToken: cancellationToken)));

    private static DateTime Deadline() => DateTime.UtcNow + ParityServer.HttpTimeout;

    private static async Task<Outcome<T>> CallAsync<T>(Func<Task<T>> call)
        where T : class, IMessage<T>
    {
        try
        {
            return Outcome<T>.Success(await call().WithTimeout().ConfigureAwait(false));
        }
        catch (RpcException error)
        {
            return Outcome<T>.Failure(ToStatus(error));
        }
    }

    /// <summary>The call's <c>grpc-status-details-bin</c>; its code and message must match the call's own status.</summary>
    internal static Google.Rpc.Status ToStatus(RpcException error)
    {
        var status = error.GetRpcStatus()
            ?? throw new Xunit.Sdk.XunitException($"{error.StatusCode} '{error.Status.Detail}' carries no grpc-status-details-bin.");
        Assert.Equal((int)error.StatusCode, status.Code);
        Assert.Equal(error.Status.Detail, status.Message);
        return status;
    }

    private sealed class GrpcEventWatch : IEventWatch
    {
        private readonly AsyncServerStreamingCall<WatchSeatEventsResponse> _call;

        public GrpcEventWatch(AsyncServerStreamingCall<WatchSeatEventsResponse> call)
        {
            _call = call;
        }

        public async Task<Outcome<WatchSeatEventsResponse>?> NextAsync()
        {
            try
            {
                return await _call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout().ConfigureAwait(false)
                    ? Outcome<WatchSeatEventsResponse>.Success(_call.ResponseStream.Current)
                    : null;
            }
            catch (RpcException error)
            {
                return Outcome<WatchSeatEventsResponse>.Failure(ToStatus(error));
            }
        }

        public ValueTask DisposeAsync()
        {
            _call.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
