using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// The commands of one connection, one per SQL text, kept for as long as the cache lives. Microsoft.Data.Sqlite keeps
/// a command's compiled statements until its text changes, so the long-lived SQLite writer connection compiles each hot
/// statement once instead of on every execution (the insert into seats, with its seven indexes, was the dearest).
/// A short-lived session has its own cache, disposed with it. On SQLite it also keeps the <see cref="SqliteRowStatement"/>s
/// that the hot row reads run on, finalized before the connection closes.
/// </summary>
internal sealed class CommandCache : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteRowStatement> _rowStatements = new(StringComparer.Ordinal);

    public DbCommand Get(DbConnection connection, DbTransaction? transaction, string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
        }

        command.Transaction = transaction;
        return command;
    }

    /// <summary>The connection's row statement for <paramref name="sql"/>, compiled on its first use.</summary>
    public SqliteRowStatement RowStatement(SqliteConnection connection, string sql)
    {
        if (!_rowStatements.TryGetValue(sql, out var statement))
        {
            statement = new SqliteRowStatement(connection, sql);
            _rowStatements.Add(sql, statement);
        }

        return statement;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        foreach (var statement in _rowStatements.Values)
        {
            statement.Dispose();
        }

        _commands.Clear();
        _rowStatements.Clear();
    }
}
