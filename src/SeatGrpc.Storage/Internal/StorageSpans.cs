using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// The spans of the database work (source <see cref="SeatTelemetry.ActivitySourceName"/>): one per session opened inside a
/// traced call, and one per operation of a group commit, each with the number of statements it ran. A session opened
/// outside a call (start-up, the health check) gets none, and nothing is allocated while no listener is attached.
/// </summary>
internal static class StorageSpans
{
    public const string StatementsTag = "seatgrpc.db.statements";
    public const string GroupSizeTag = "seatgrpc.db.group_size";
    public const string TransactionSpan = "seatgrpc.db.transaction";
    public const string QuerySpan = "seatgrpc.db.query";
    public const string GroupWriteSpan = "seatgrpc.db.write";

    private static readonly ActivitySource Source = new(SeatTelemetry.ActivitySourceName);

    /// <summary>Whether anything records these spans.</summary>
    public static bool IsEnabled => Source.HasListeners();

    /// <summary>A span for a new session, as a child of the current call's span; null outside a call or while nothing listens.</summary>
    public static Activity? StartSession(System.Data.Common.DbConnection connection, bool inTransaction)
    {
        if (!Source.HasListeners() || Activity.Current is null)
        {
            return null;
        }

        return Tagged(Source.StartActivity(inTransaction ? TransactionSpan : QuerySpan, ActivityKind.Client), connection);
    }

    /// <summary>A span for one caller's operation inside a shared (group) transaction, as a child of that caller's span.</summary>
    public static Activity? StartGroupWrite(StorageSession session, ActivityContext caller, int groupSize)
    {
        ArgumentNullException.ThrowIfNull(session);
        var span = Tagged(Source.StartActivity(GroupWriteSpan, ActivityKind.Client, caller), session.RawConnection);
        span?.SetTag(GroupSizeTag, groupSize);
        return span;
    }

    /// <summary>Ends the span with its statement count.</summary>
    public static void Stop(Activity? span, int statements)
    {
        if (span is null)
        {
            return;
        }

        span.SetTag(StatementsTag, statements);
        span.Dispose();
    }

    private static Activity? Tagged(Activity? span, System.Data.Common.DbConnection connection) =>
        span?.SetTag("db.system.name", connection is SqliteConnection ? "sqlite" : "postgresql");
}
