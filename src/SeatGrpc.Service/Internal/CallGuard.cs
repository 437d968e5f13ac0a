using Grpc.Core;
using Microsoft.Extensions.Logging;
using SeatGrpc.Domain;

namespace SeatGrpc.Service.Internal;

/// <summary>
/// Runs a handler and turns what it throws into the call's status: domain errors through
/// <see cref="StatusMapping"/>, a database outage into UNAVAILABLE, a caller that went away (cancelled, reset the stream) into CANCELLED, and anything unexpected into UNKNOWN with a fixed
/// message (the detail goes to the log only, so no SQL, path or stack trace reaches the caller).
/// </summary>
internal sealed class CallGuard
{
    private const string UnexpectedMessage = "An unexpected error occurred.";

    private readonly ILogger _logger;

    public CallGuard(ILogger<SeatGrpcService> logger)
    {
        _logger = logger;
    }

    public async Task<T> RunAsync<T>(ServerCallContext context, Func<CancellationToken, Task<T>> handler)
    {
        try
        {
            return await handler(context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(context, ex);
        }
    }

    public async Task RunAsync(ServerCallContext context, Func<CancellationToken, Task> handler)
    {
        try
        {
            await handler(context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(context, ex);
        }
    }

    // A provider marks lost connections and timeouts as transient (Npgsql: a refused or dropped connection; SQLite: a
    // lock held past the busy timeout), so the caller gets UNAVAILABLE and retries instead of an opaque UNKNOWN.
    private static bool IsDatabaseOutage(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is System.Data.Common.DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }

    // The caller went away: it cancelled, reset the stream or let its deadline pass. The stream's reads then fail with an
    // IOException, or with the reader's InvalidOperationException once the request is aborted, and its writes with the
    // writer's InvalidOperationException; nobody is left to receive a status. The call's token is cancelled only later
    // (on the thread pool) than the request is aborted, and than gRPC completes the response at the deadline, so all
    // three are looked at.
    private static bool CallerGone(ServerCallContext context, Exception exception) =>
        exception is IOException
        || (exception is OperationCanceledException or InvalidOperationException
            && (context.CancellationToken.IsCancellationRequested
                || context.GetHttpContext().RequestAborted.IsCancellationRequested
                || context.Deadline <= DateTime.UtcNow));

    private RpcException Translate(ServerCallContext context, Exception exception)
    {
        switch (exception)
        {
            case SeatDomainException domain:
                ServiceLog.DomainRejected(_logger, context.Method, domain.Kind);
                return StatusMapping.ToRpcException(domain);
            case var _ when IsDatabaseOutage(exception):
                ServiceLog.DatabaseUnavailable(_logger, context.Method, exception);
                return StatusMapping.Unavailable().ToRpcException();
            case var _ when CallerGone(context, exception):
                ServiceLog.CallCancelled(_logger, context.Method);
                return new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "The call was cancelled."));
            default:
                ServiceLog.UnexpectedError(_logger, context.Method, exception);
                return new RpcException(new Grpc.Core.Status(StatusCode.Unknown, UnexpectedMessage));
        }
    }
}
