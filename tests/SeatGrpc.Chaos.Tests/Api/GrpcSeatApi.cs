using Grpc.Core;

namespace SeatGrpc.Chaos.Tests.Api;

/// <summary>The seat RPCs over gRPC (Grpc.Net.Client), each attempt with a deadline.</summary>
internal sealed class GrpcSeatApi : ISeatApi
{
    private readonly SeatService.SeatServiceClient _client;

    public GrpcSeatApi(SeatService.SeatServiceClient client)
    {
        _client = client;
    }

    public string Transport => "grpc";

    public Task<CallResult<AssignSeatResponse>> AssignAsync(AssignSeatRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(o => _client.AssignSeatAsync(request, o), timeout, cancellationToken);

    public Task<CallResult<RevokeSeatResponse>> RevokeAsync(RevokeSeatRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(o => _client.RevokeSeatAsync(request, o), timeout, cancellationToken);

    public Task<CallResult<ResendInvitationResponse>> ResendAsync(ResendInvitationRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(o => _client.ResendInvitationAsync(request, o), timeout, cancellationToken);

    public Task<CallResult<ClaimSeatResponse>> ClaimAsync(ClaimSeatRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(o => _client.ClaimSeatAsync(request, o), timeout, cancellationToken);

    public Task<CallResult<BatchManageSeatsResponse>> BatchAsync(BatchManageSeatsRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(o => _client.BatchManageSeatsAsync(request, o), timeout, cancellationToken);

    public Task<CallResult<UpsertSeatPoolResponse>> UpsertPoolAsync(UpsertSeatPoolRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(o => _client.UpsertSeatPoolAsync(request, o), timeout, cancellationToken);

    public Task<CallResult<GetSeatPoolResponse>> GetPoolAsync(GetSeatPoolRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(o => _client.GetSeatPoolAsync(request, o), timeout, cancellationToken);

    public Task<CallResult<GetSeatResponse>> GetSeatAsync(GetSeatRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(o => _client.GetSeatAsync(request, o), timeout, cancellationToken);

    public Task<CallResult<ListSeatsResponse>> ListSeatsAsync(ListSeatsRequest request, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(o => _client.ListSeatsAsync(request, o), timeout, cancellationToken);

    private static async Task<CallResult<T>> RunAsync<T>(Func<CallOptions, AsyncUnaryCall<T>> start, TimeSpan timeout, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            using var call = start(new CallOptions(deadline: DateTime.UtcNow + timeout, cancellationToken: cancellationToken));
            return CallResult<T>.Success(await call.ResponseAsync.ConfigureAwait(false));
        }
        catch (RpcException ex)
        {
            return CallResult<T>.Failure(GrpcOutcomes.Classify(ex));
        }
        catch (ObjectDisposedException ex)
        {
            // The channel of a replica that was killed and replaced in the meantime.
            return CallResult<T>.Failure(new InDoubt($"channel disposed: {ex.ObjectName}"));
        }
    }
}
