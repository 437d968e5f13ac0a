using Google.Protobuf.Reflection;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace SeatGrpc.Runtime;

/// <summary>
/// One mapped gRPC method, as other transports (the REST gateway) see it. Invoking it runs the same
/// interceptors, service method and error mapping as a gRPC call does.
/// </summary>
/// <remarks>
/// The invoke methods build the server call context from the <see cref="HttpContext"/>: its headers become
/// the request metadata (transport headers left out, <c>-bin</c> values base64-decoded), its
/// <see cref="HttpContext.RequestAborted"/> the call's cancellation token, and a <c>grpc-timeout</c> header,
/// if present, the deadline. They throw only <see cref="RpcException"/>: any other exception from the
/// handler is logged and becomes UNKNOWN "Exception was thrown by handler.", exactly as on the gRPC path;
/// a passed deadline becomes DEADLINE_EXCEEDED; a status the handler set on the context becomes the
/// exception's status. Response headers the handler writes are copied into the HTTP response headers;
/// response trailers accompany a failure as the exception's trailers.
/// </remarks>
public abstract class GrpcMethodEntry
{
    private protected GrpcMethodEntry(IMethod method, MethodDescriptor? descriptor, Type requestType, Type responseType)
    {
        Method = method;
        Descriptor = descriptor;
        RequestType = requestType;
        ResponseType = responseType;
    }

    /// <summary>Gets the method: its kind, service, name and full name (<c>/package.Service/Method</c>).</summary>
    public IMethod Method { get; }

    /// <summary>Gets the method's protobuf descriptor, from the generated service class; null when it has none.</summary>
    public MethodDescriptor? Descriptor { get; }

    /// <summary>Gets the request message type.</summary>
    public Type RequestType { get; }

    /// <summary>Gets the response message type.</summary>
    public Type ResponseType { get; }

    /// <summary>Runs a unary method.</summary>
    /// <param name="httpContext">The HTTP request the call comes from.</param>
    /// <param name="request">The request message, of <see cref="RequestType"/>.</param>
    /// <returns>The response message, of <see cref="ResponseType"/>.</returns>
    /// <exception cref="RpcException">The call's status when it is not OK (also when the method is not unary).</exception>
    public abstract Task<object> InvokeUnaryAsync(HttpContext httpContext, object request);

    /// <summary>Runs a server-streaming method.</summary>
    /// <param name="httpContext">The HTTP request the call comes from.</param>
    /// <param name="request">The request message, of <see cref="RequestType"/>.</param>
    /// <param name="write">Called with each response message, in order, never concurrently, and the call's token.</param>
    /// <returns>A task that completes when the handler has written its last message.</returns>
    /// <exception cref="RpcException">The call's status when it is not OK (also when the method is not server-streaming).</exception>
    public abstract Task InvokeServerStreamingAsync(HttpContext httpContext, object request, Func<object, CancellationToken, Task> write);
}
