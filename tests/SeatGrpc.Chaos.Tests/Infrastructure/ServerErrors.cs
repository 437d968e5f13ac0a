namespace SeatGrpc.Chaos.Tests.Infrastructure;

/// <summary>
/// The server's Error lines that a run may see and still pass: those that Grpc.AspNetCore itself logs (category
/// ServerCallHandler, with a stack trace) for a call whose client already gave up, which a client-side timeout of a few
/// milliseconds causes. The client reset the stream before the request message was read (the call never reached the
/// service), or the deadline passed while the handler ran and the framework then wrote the answer to the response its
/// deadline had completed (two messages from Kestrel for that; grpc-dotnet#783: "the goal isn't to prevent that ever
/// happening"), or the other way round: the deadline's timer fired while the answer was being written and the framework
/// could no longer set the DEADLINE_EXCEEDED headers (event 9). Any other Error line fails the run.
/// </summary>
internal static class ServerErrors
{
    private const string HandlerFailed = "Grpc.AspNetCore.Server.ServerCallHandler[6]";
    private const string DeadlineCancellationFailed = "Grpc.AspNetCore.Server.ServerCallHandler[9]";

    private static readonly (string Event, string Message)[] ClientGone =
    [
        (HandlerFailed, "System.IO.IOException: The client reset the request stream."),
        (HandlerFailed, "System.InvalidOperationException: Writing is not allowed after writer was completed."),
        (HandlerFailed, "System.InvalidOperationException: Invalid ordering of calling StartAsync or CompleteAsync and Advance."),
        (DeadlineCancellationFailed, "System.InvalidOperationException: Headers are read-only, response has already started."),
    ];

    public static IReadOnlyList<string> Unexpected(IReadOnlyList<string> errors) =>
        [.. errors.Where(e => !ClientGone.Any(c => e.Contains(c.Event, StringComparison.Ordinal) && e.Contains(c.Message, StringComparison.Ordinal)))];
}
