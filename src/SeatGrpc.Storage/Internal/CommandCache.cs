using System.Data.Common;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// The commands of one connection, one per SQL text, kept for as long as the cache lives. Microsoft.Data.Sqlite keeps
/// a command's compiled statements until its text changes, so the long-lived SQLite writer connection compiles each hot
/// statement once instead of on every execution (the insert into seats, with its seven indexes, was the dearest).
/// A short-lived session has its own cache, disposed with it.
/// </summary>
internal sealed class CommandCache : IDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

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

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
