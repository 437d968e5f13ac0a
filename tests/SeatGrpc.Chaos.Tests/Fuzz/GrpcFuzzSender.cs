using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using SeatGrpc.Chaos.Tests.Api;

namespace SeatGrpc.Chaos.Tests.Fuzz;

/// <summary>
/// Sends any request of the contract over gRPC (unary, the server stream's first event, one ManageSeats batch) and
/// judges the status: INVALID_ARGUMENT or another documented code, never UNKNOWN, INTERNAL or a broken call.
/// </summary>
internal sealed class GrpcFuzzSender
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // The server's receive limit (Grpc.AspNetCore's MaxReceiveMessageSize as the host sets it).
    private const int MaxMessageSize = 4 * 1024 * 1024;
    private static readonly TimeSpan StreamLook = TimeSpan.FromSeconds(1);

    private static readonly HashSet<StatusCode> Documented =
    [
        StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition, StatusCode.AlreadyExists,
        StatusCode.Aborted, StatusCode.ResourceExhausted, StatusCode.OutOfRange,
    ];

    private readonly CallInvoker _invoker;

    public GrpcFuzzSender(CallInvoker invoker)
    {
        _invoker = invoker;
    }

    public async Task<FuzzAnswer> SendAsync(FuzzCase fuzz)
    {
        ArgumentNullException.ThrowIfNull(fuzz);
        var method = Method(fuzz.Method);
        try
        {
            return fuzz.Method switch
            {
                { IsClientStreaming: true } => await DuplexAsync(method, fuzz.Request).ConfigureAwait(false),
                { IsServerStreaming: true } => await ServerStreamAsync(method, fuzz.Request).ConfigureAwait(false),
                _ => await UnaryAsync(method, fuzz.Request).ConfigureAwait(false),
            };
        }
        catch (RpcException ex)
        {
            return Judge(ex);
        }
    }

    private static FuzzAnswer Judge(RpcException ex)
    {
        var text = ex.Status.Detail + " " + (ex.GetRpcStatus() is { } rich ? RestJson.Format(rich) : string.Empty);
        var problem = ex.Status.DebugException is { } cause
            ? $"the call broke on the client side: {cause.GetType().Name}: {cause.Message}"
            : Documented.Contains(ex.StatusCode) ? null : $"status {ex.StatusCode}";
        return new FuzzAnswer(false, ex.StatusCode.ToString(), text, problem);
    }

    private static bool IsOversize(IMessage request) => request.CalculateSize() > MaxMessageSize;

    private static FuzzAnswer Judge(Google.Rpc.Status status)
    {
        var code = (StatusCode)status.Code;
        return new FuzzAnswer(false, code.ToString(), RestJson.Format(status), Documented.Contains(code) ? null : $"batch status {code}");
    }

    private static Method<IMessage, IMessage> Method(MethodDescriptor descriptor)
    {
        var type = (descriptor.IsClientStreaming, descriptor.IsServerStreaming) switch
        {
            (true, true) => MethodType.DuplexStreaming,
            (false, true) => MethodType.ServerStreaming,
            (true, false) => MethodType.ClientStreaming,
            _ => MethodType.Unary,
        };
        return new Method<IMessage, IMessage>(
            type,
            descriptor.Service.FullName,
            descriptor.Name,
            Marshallers.Create<IMessage>(m => m.ToByteArray(), b => descriptor.InputType.Parser.ParseFrom(b)),
            Marshallers.Create<IMessage>(m => m.ToByteArray(), b => descriptor.OutputType.Parser.ParseFrom(b)));
    }

    private async Task<FuzzAnswer> UnaryAsync(Method<IMessage, IMessage> method, IMessage request)
    {
        using var call = _invoker.AsyncUnaryCall(method, null, new CallOptions(deadline: DateTime.UtcNow + Timeout), request);
        await call.ResponseAsync.ConfigureAwait(false);
        return FuzzAnswer.Success("OK");
    }

    /// <summary>A watch streams until the caller leaves: an event, or a second of silence, is a stream that started well.</summary>
    private async Task<FuzzAnswer> ServerStreamAsync(Method<IMessage, IMessage> method, IMessage request)
    {
        using var look = new CancellationTokenSource(StreamLook);
        using var call = _invoker.AsyncServerStreamingCall(method, null, new CallOptions(cancellationToken: look.Token), request);
        try
        {
            await call.ResponseStream.MoveNext(look.Token).ConfigureAwait(false);
            return FuzzAnswer.Success("OK (streaming)");
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled && look.IsCancellationRequested)
        {
            return FuzzAnswer.Success("OK (streaming, no event yet)");
        }
    }

    private async Task<FuzzAnswer> DuplexAsync(Method<IMessage, IMessage> method, IMessage request)
    {
        using var call = _invoker.AsyncDuplexStreamingCall(method, null, new CallOptions(deadline: DateTime.UtcNow + Timeout));
        // The write gets a token of its own. Once, under load, a write of an oversize message that the server refuses
        // waited for HTTP/2 flow-control credit on that stream past the call's deadline, for ever: the suite hung there
        // (a dump showed the fuzz test in Http2Stream.SendDataAsync, the server idle and answering other calls).
        using var writing = new CancellationTokenSource(Timeout);
        try
        {
            await call.RequestStream.WriteAsync(request, writing.Token).ConfigureAwait(false);
            await call.RequestStream.CompleteAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or OperationCanceledException or RpcException)
        {
            // The server refused the message (too large) and ended the call: its status comes with the read below.
        }

        bool answered;
        try
        {
            answered = await call.ResponseStream.MoveNext(CancellationToken.None).ConfigureAwait(false);
        }
        catch (RpcException ex) when (IsOversize(request) && ex.Status.DebugException is OperationCanceledException or IOException)
        {
            // The server refuses a message over 4 MiB as soon as it reads its length and resets the stream; a client
            // still sending the rest may see the reset before the RESOURCE_EXHAUSTED trailers. The refusal is the same.
            return new FuzzAnswer(false, StatusCode.ResourceExhausted.ToString(), "stream reset while sending", null);
        }

        if (!answered)
        {
            return new FuzzAnswer(false, "OK", string.Empty, "the stream ended without answering the batch");
        }

        var response = (ManageSeatsResponse)call.ResponseStream.Current;
        return response.Error is { } error ? Judge(error) : FuzzAnswer.Success("OK");
    }
}
