using Grpc.Core;
using Grpc.Core.Interceptors;

namespace SeatGrpc.Runtime.Tests.Server.Infrastructure;

/// <summary>An auth-style interceptor, registered in DI: a call with <c>x-deny</c> metadata is UNAUTHENTICATED before the handler runs.</summary>
public sealed class DenyInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, responseStream, context);
    }

    private static void Check(ServerCallContext context)
    {
        if (context.RequestHeaders.Get("x-deny") is not null)
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, "denied"));
        }
    }
}
