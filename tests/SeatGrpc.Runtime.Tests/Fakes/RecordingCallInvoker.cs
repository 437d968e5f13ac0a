using Grpc.Core;

namespace SeatGrpc.Runtime.Tests.Fakes;

/// <summary>Answers unary calls with a fixed response and records what the generated client passed.</summary>
internal sealed class RecordingCallInvoker(object unaryResponse) : CallInvoker
{
    public IMethod? LastMethod { get; private set; }

    public string? LastHost { get; private set; }

    public CallOptions LastOptions { get; private set; }

    public object? LastRequest { get; private set; }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Record(method, host, options, request);
        return (TResponse)unaryResponse;
    }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        Record(method, host, options, request);
        return new AsyncUnaryCall<TResponse>(
            Task.FromResult((TResponse)unaryResponse),
            Task.FromResult(new Metadata()),
            () => Status.DefaultSuccess,
            () => new Metadata(),
            () => { });
    }

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException();

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new NotSupportedException();

    private void Record(IMethod method, string? host, CallOptions options, object request)
    {
        LastMethod = method;
        LastHost = host;
        LastOptions = options;
        LastRequest = request;
    }
}
