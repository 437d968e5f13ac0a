using System.Data.Common;
using SeatGrpc.Storage;

namespace SeatGrpc.Server.Hosting;

/// <summary>Turns the failures a user can fix at start-up into one message each, without a stack trace.</summary>
internal static class StartupFailure
{
    /// <summary>The message for a known start-up failure, or null for one that is a bug (it keeps its stack trace).</summary>
    public static string? Describe(Exception exception) => exception switch
    {
        // It names both versions and the fix already.
        SchemaVersionException schema => schema.Message,

        // Kestrel: "Failed to bind to address http://127.0.0.1:5000: address already in use."
        IOException io when io.Message.StartsWith("Failed to bind", StringComparison.Ordinal) =>
            $"{io.Message} Stop the other process, or pick other ports with --grpc-port and --rest-port (0 picks a free one).",

        DbException db =>
            $"The seat database cannot be opened: {db.Message} Check --sqlite (a writable file path) or --postgres (a reachable server).",

        _ => null,
    };
}
