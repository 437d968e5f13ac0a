namespace SeatGrpc.Chaos.Tests.Infrastructure;

/// <summary>
/// The server's Error lines that a run may see and still pass: those that Grpc.AspNetCore itself logs (category
/// ServerCallHandler, with a stack trace) for a call whose client already gave up, which a client-side timeout of a few
/// milliseconds causes. The client reset the stream before the request message was read (the call never reached the
/// service), or the deadline passed while the handler ran and the framework then wrote the answer to the response its
/// deadline had completed (two messages from Kestrel for that; grpc-dotnet#783: "the goal isn't to prevent that ever
/// happening"). Any other Error line fails the run.
/// </summary>
internal static class ServerErrors
{
    private const string Framework = "Grpc.AspNetCore.Server.ServerCallHandler[6]";

    private static readonly string[] ClientGone =
    [
        "System.IO.IOException: The client reset the request stream.",
        "System.InvalidOperationException: Writing is not allowed after writer was completed.",
        "System.InvalidOperationException: Invalid ordering of calling StartAsync or CompleteAsync and Advance.",
    ];

    public static IReadOnlyList<string> Unexpected(IReadOnlyList<string> errors) =>
        [.. errors.Where(e => !(e.Contains(Framework, StringComparison.Ordinal) && ClientGone.Any(c => e.Contains(c, StringComparison.Ordinal))))];
}
