using SeatGrpc.Server.Hosting;

if (args is ["keys", .. var keyArgs])
{
    // Key management against the server's database: create, list, revoke.
    return await KeysCommand.RunAsync(keyArgs, Console.Out, Console.Error, CancellationToken.None);
}

WebApplication app;
try
{
    app = SeatGrpcApp.Build(args);
}
catch (ArgumentException e)
{
    // A bad flag or setting: say what and how to fix it, without a stack trace.
    await Console.Error.WriteLineAsync($"seatgrpc: {e.Message}");
    return 2;
}

await using (app)
{
    try
    {
        await app.StartAsync();
    }
    catch (Exception e) when (StartupFailure.Describe(e) is { } message)
    {
        // A database from a newer release, a port in use, an unreachable database: the message and its fix.
        await Console.Error.WriteLineAsync($"seatgrpc: {message}");
        return 1;
    }

    // Until SIGTERM or Ctrl+C; then in-flight calls get SeatGrpcApp.ShutdownGrace to finish.
    await app.WaitForShutdownAsync();
}

return 0;
