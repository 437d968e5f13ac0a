using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using SeatGrpc.Service.Internal;

namespace SeatGrpc.Service.Tests;

/// <summary>
/// The status a failure becomes when the caller has gone. Kestrel aborts the request, or gRPC completes the response at
/// the deadline, before the call's token is cancelled (later, on the thread pool); a stream read or write in between
/// fails with an InvalidOperationException (the chaos tests met both under load), which is a call gone, not a server bug.
/// </summary>
public sealed class CallGuardTests
{
    private const string ReadAfterAbort = "Can't read messages after the request is complete.";

    [Fact]
    public async Task ReadFailsAfterTheRequestWasAborted_TokenNotYetCancelled_Cancelled()
    {
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();

        var status = await StatusOfAsync(new CallContext(aborted.Token, CancellationToken.None), new InvalidOperationException(ReadAfterAbort));

        Assert.Equal(StatusCode.Cancelled, status);
    }

    [Fact]
    public async Task WriteFailsAfterTheDeadline_TokenNotYetCancelled_Cancelled()
    {
        // At the deadline gRPC completes the response before it cancels the token (PostgreSQL chaos test, seed 920779294).
        var context = new CallContext(CancellationToken.None, CancellationToken.None, deadline: DateTime.UtcNow.AddSeconds(-1));

        var status = await StatusOfAsync(context, new InvalidOperationException("Writing is not allowed after writer was completed."));

        Assert.Equal(StatusCode.Cancelled, status);
    }

    [Fact]
    public async Task InvalidOperationWhileTheCallerIsStillThere_Unknown()
    {
        var status = await StatusOfAsync(new CallContext(CancellationToken.None, CancellationToken.None), new InvalidOperationException(ReadAfterAbort));

        Assert.Equal(StatusCode.Unknown, status);
    }

    private static async Task<StatusCode> StatusOfAsync(ServerCallContext context, Exception thrown)
    {
        var guard = new CallGuard(NullLogger<SeatGrpcService>.Instance);
        var error = await Assert.ThrowsAsync<RpcException>(() => guard.RunAsync(context, _ => Task.FromException(thrown)));
        return error.StatusCode;
    }

    /// <summary>A call whose HTTP request carries <paramref name="requestAborted"/> (grpc-dotnet finds it in the user state).</summary>
    private sealed class CallContext(CancellationToken requestAborted, CancellationToken callToken, DateTime? deadline = null) : ServerCallContext
    {
        private readonly Dictionary<object, object> _userState = new()
        {
            ["__HttpContext"] = new DefaultHttpContext { RequestAborted = requestAborted },
        };

        protected override string MethodCore => "/seats.v1.SeatService/ManageSeats";

        protected override string HostCore => "localhost";

        protected override string PeerCore => "ipv4:127.0.0.1:1";

        protected override DateTime DeadlineCore => deadline ?? DateTime.MaxValue;

        protected override Metadata RequestHeadersCore { get; } = [];

        protected override CancellationToken CancellationTokenCore => callToken;

        protected override Metadata ResponseTrailersCore { get; } = [];

        protected override Status StatusCore { get; set; }

        protected override WriteOptions? WriteOptionsCore { get; set; }

        protected override AuthContext AuthContextCore { get; } = new(null, []);

        protected override IDictionary<object, object> UserStateCore => _userState;

        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) =>
            throw new NotSupportedException();

        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
