using SeatGrpc.Server.Hosting;

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

await app.RunAsync();
return 0;
