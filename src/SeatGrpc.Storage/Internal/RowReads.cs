using System.Data.Common;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// Runs a session's cached command (<see cref="StorageSession.Command"/>) and reads its rows with an
/// <see cref="IRowReader{T}"/>: on SQLite through the connection's <see cref="SqliteRowStatement"/> for that SQL, whose
/// direct column calls cost a fraction of <see cref="DbDataReader"/>'s getters; on PostgreSQL through the command's reader.
/// </summary>
internal static class RowReads
{
    public static async Task<List<T>> ReadAllAsync<T, TReader>(
        StorageSession session, DbCommand command, int capacity, CancellationToken cancellationToken)
        where TReader : IRowReader<T>
    {
        if (session.RowStatement(command) is { } statement)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return statement.ReadAll<T, TReader>(command.Parameters, capacity);
        }

        var rows = new List<T>(capacity);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(TReader.Read(new DataReaderColumns(reader)));
        }

        return rows;
    }

    /// <summary>The one row the command returns; null when none; throws when more than one.</summary>
    public static async Task<T?> ReadSingleOrDefaultAsync<T, TReader>(
        StorageSession session, DbCommand command, CancellationToken cancellationToken)
        where T : class
        where TReader : IRowReader<T>
    {
        var rows = await ReadAllAsync<T, TReader>(session, command, 1, cancellationToken).ConfigureAwait(false);
        return rows.Count switch
        {
            0 => null,
            1 => rows[0],
            _ => throw new InvalidOperationException($"The query returned {rows.Count} rows where one at most was expected."),
        };
    }
}
