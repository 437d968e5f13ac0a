using Grpc.AspNetCore.Server;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;

namespace SeatGrpc.Server.Tests;

/// <summary>
/// A finished gRPC call leaves none of its own objects reachable. Kestrel keeps a finished HTTP/2 stream for the next
/// request on its connection, with the last request's features in it; while the call's context and its authentication
/// result stayed there, every gen0 collection under load copied them to gen1 (the GC's pauses at half of GetSeat's
/// peak, README "Ninth sitting"). The service scope and the request are checked too, though they were never kept.
/// </summary>
public sealed class FinishedCallTests
{
    private const string Pool = "subscriptions/finished";

    [Fact]
    public async Task UnaryCall_Finished_ItsContextAuthenticationScopeAndMessageAreCollected()
    {
        var capture = new CallCapture();
        await using var host = await StartAsync(capture);
        await host.Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = Pool, TotalSeats = 2 } }).ResponseAsync.WithTimeout();
        capture.Clear();

        await host.Client.AssignSeatAsync(new AssignSeatRequest { Parent = Pool, Email = "a@example.com" }).ResponseAsync.WithTimeout();

        await AssertCollectedAsync(capture, "/seats.v1.SeatService/AssignSeat");
    }

    [Fact]
    public async Task ManageSeatsStream_Finished_ItsContextAuthenticationScopeAndMessageAreCollected()
    {
        var capture = new CallCapture();
        await using var host = await StartAsync(capture);
        await host.Client.UpsertSeatPoolAsync(new UpsertSeatPoolRequest { Pool = new SeatPool { Name = Pool, TotalSeats = 2 } }).ResponseAsync.WithTimeout();
        capture.Clear();

        using (var call = host.Client.ManageSeats())
        {
            var batch = new ManageSeatsRequest { Parent = Pool, RequestId = Guid.NewGuid().ToString() };
            batch.Changes.Add(new SeatChange { Assign = new SeatChange.Types.Assign { Grantee = new Grantee { Email = "b@example.com" } } });
            await call.RequestStream.WriteAsync(batch).WithTimeout();
            await call.RequestStream.CompleteAsync().WithTimeout();
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());
            Assert.Null(call.ResponseStream.Current.Error);
            Assert.False(await call.ResponseStream.MoveNext(CancellationToken.None).WithTimeout());
        }

        await AssertCollectedAsync(capture, "/seats.v1.SeatService/ManageSeats");
    }

    private static Task<TelemetryHost> StartAsync(CallCapture capture) =>
        TelemetryHost.StartAsync(new Dictionary<string, string>(), services => services
            .AddSingleton(capture)
            .Configure<GrpcServiceOptions>(options => options.Interceptors.Add<CallCapture>()));

    private static async Task AssertCollectedAsync(CallCapture capture, string method)
    {
        Assert.Equal([method], capture.Methods);

        // The server finishes its side of the call when it sends the last frame, so the answer has arrived by then;
        // the retries only give a finalizer-released object a second collection.
        for (var attempt = 0; attempt < 5 && capture.Alive.Count > 0; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        Assert.Empty(capture.Alive);
    }

    /// <summary>Holds weak references to what each call's server side created for it.</summary>
    private sealed class CallCapture : Interceptor
    {
        private readonly Lock _gate = new();
        private readonly List<(string Method, string What, WeakReference Reference)> _references = [];

        public List<string> Methods
        {
            get
            {
                lock (_gate)
                {
                    return _references.Select(r => r.Method).Distinct().ToList();
                }
            }
        }

        public List<string> Alive
        {
            get
            {
                lock (_gate)
                {
                    return _references.Where(r => r.Reference.IsAlive).Select(r => $"{r.Method}: {r.What}").ToList();
                }
            }
        }

        public void Clear()
        {
            lock (_gate)
            {
                _references.Clear();
            }
        }

        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
        {
            Capture(context, request);
            return continuation(request, context);
        }

        public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
            IAsyncStreamReader<TRequest> requestStream,
            IServerStreamWriter<TResponse> responseStream,
            ServerCallContext context,
            DuplexStreamingServerMethod<TRequest, TResponse> continuation)
        {
            Capture(context, requestStream);
            return continuation(requestStream, responseStream, context);
        }

        private void Capture(ServerCallContext context, object message)
        {
            var http = context.GetHttpContext();
            lock (_gate)
            {
                _references.Add((context.Method, "call context", new WeakReference(context)));
                _references.Add((context.Method, "authentication result", new WeakReference(http.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult
                    ?? throw new InvalidOperationException("the call ran without an authentication result"))));
                _references.Add((context.Method, "request service scope", new WeakReference(http.RequestServices)));
                _references.Add((context.Method, "request message or stream", new WeakReference(message)));
            }
        }
    }
}
