using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using SeatGrpc.Runtime.Tests.Echo;

namespace SeatGrpc.Runtime.Tests.Server.Infrastructure;

/// <summary>The echo service under test. The request's message picks a behaviour; everything is recorded in the probe.</summary>
public sealed class TestEchoService(EchoProbe probe) : EchoService.EchoServiceBase, IDisposable
{
    public const string Secret = "secret-detail-42";

    public override async Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
    {
        probe.RecordCall(context);
        switch (request.Message)
        {
            case "throw":
                throw new InvalidOperationException(Secret);
            case "rpc":
                throw RichError();
            case "unicode":
                throw new RpcException(new Grpc.Core.Status(StatusCode.InvalidArgument, "bad ünïcode % 100\n"));
            case "status":
                context.Status = new Grpc.Core.Status(StatusCode.FailedPrecondition, "precondition");
                context.ResponseTrailers.Add("x-trailer", "t");
                return new EchoResponse { Message = "dropped" };
            case "wait":
                await WaitForCancellationAsync(context).ConfigureAwait(false);
                return new EchoResponse { Message = "unreachable" };
            case "ignore-deadline":
                await Task.Delay(TimeSpan.FromMilliseconds(1500), CancellationToken.None).ConfigureAwait(false);
                probe.LateResultProduced.TrySetResult();
                return new EchoResponse { Message = "late" };
            case "deadline":
                return new EchoResponse { Message = context.Deadline.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            case "headers":
                await context.WriteResponseHeadersAsync(new Metadata { { "x-response-header", "h" }, { "x-response-bin", new byte[] { 1, 2, 3 } } }).ConfigureAwait(false);
                context.ResponseTrailers.Add("x-trailer", "t");
                context.ResponseTrailers.Add("x-trailer-bin", new byte[] { 0xFF, 0xFE });
                return new EchoResponse { Message = DescribeHeaders(context) };
            case "big":
                return new EchoResponse { Message = new string('x', 2048) };
            default:
                return new EchoResponse { Message = request.Message };
        }
    }

    public override async Task Expand(ExpandRequest request, IServerStreamWriter<ExpandResponse> responseStream, ServerCallContext context)
    {
        probe.RecordCall(context);
        for (var i = 0; i < request.Count; i++)
        {
            await responseStream.WriteAsync(new ExpandResponse { Message = $"{request.Message}{i}" }).ConfigureAwait(false);
        }

        switch (request.Message)
        {
            case "fail":
                throw new RpcException(new Grpc.Core.Status(StatusCode.Aborted, "expand failed"));
            case "wait":
                await WaitForCancellationAsync(context).ConfigureAwait(false);
                break;
        }
    }

    public override async Task<CollectResponse> Collect(IAsyncStreamReader<CollectRequest> requestStream, ServerCallContext context)
    {
        probe.RecordCall(context);
        var parts = new List<string>();
        await foreach (var request in requestStream.ReadAllAsync().ConfigureAwait(false))
        {
            if (request.Message == "fail")
            {
                throw new RpcException(new Grpc.Core.Status(StatusCode.InvalidArgument, "collect failed"));
            }

            parts.Add(request.Message);
        }

        return new CollectResponse { Message = string.Join(",", parts) };
    }

    public override async Task Chat(IAsyncStreamReader<ChatRequest> requestStream, IServerStreamWriter<ChatResponse> responseStream, ServerCallContext context)
    {
        probe.RecordCall(context);
        await foreach (var request in requestStream.ReadAllAsync().ConfigureAwait(false))
        {
            switch (request.Message)
            {
                case "fail":
                    throw new RpcException(new Grpc.Core.Status(StatusCode.Aborted, "chat failed"));
                case "wait":
                    await WaitForCancellationAsync(context).ConfigureAwait(false);
                    break;
                default:
                    await responseStream.WriteAsync(new ChatResponse { Message = "echo:" + request.Message }).ConfigureAwait(false);
                    break;
            }
        }
    }

    public void Dispose() => probe.RecordDisposed();

    private static RpcException RichError()
    {
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.NotFound,
            Message = "thing not found",
            Details = { Any.Pack(new ErrorInfo { Domain = "seats.v1" }) },
        };
        return status.ToRpcException(new Metadata { { "x-custom", "c" } });
    }

    private static string DescribeHeaders(ServerCallContext context)
    {
        var parts = new List<string>();
        foreach (var entry in context.RequestHeaders)
        {
            parts.Add(entry.IsBinary ? $"{entry.Key}={Convert.ToHexString(entry.ValueBytes)}" : $"{entry.Key}={entry.Value}");
        }

        return string.Join(";", parts);
    }

    private async Task WaitForCancellationAsync(ServerCallContext context)
    {
        probe.HandlerWaiting.TrySetResult();
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, context.CancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            probe.HandlerCanceled.TrySetResult();
            throw;
        }
    }
}
