using System.Data.Common;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// One statement that returns rows (a SELECT, or a write with RETURNING) compiled once on one SQLite connection and run
/// again and again, its rows read through
/// <see cref="SqliteColumnCalls"/> instead of <see cref="SqliteDataReader"/>'s getters (several native calls per column,
/// each through a SafeHandle). It takes its parameters from the connection's cached command for the same SQL, so the
/// repositories build their commands the same way on both engines. Owned by the connection's <see cref="CommandCache"/>.
/// </summary>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;
    private readonly nint _handle;

    public SqliteRowStatement(SqliteConnection connection, string sql)
    {
        _connection = connection;
        var result = raw.sqlite3_prepare_v3(connection.Handle, sql, raw.SQLITE_PREPARE_PERSISTENT, out _statement, out var tail);
        SqliteException.ThrowExceptionForRC(result, connection.Handle);
        if (!string.IsNullOrWhiteSpace(tail))
        {
            _statement.Dispose();
            throw new ArgumentException("A row statement holds exactly one SQL statement.", nameof(sql));
        }

        _handle = _statement.DangerousGetHandle();
    }

    /// <summary>
    /// Binds <paramref name="parameters"/> by name, runs the statement and reads each row with <typeparamref name="TReader"/>;
    /// the statement is reset afterwards, failure included, so it holds no read transaction (no old snapshot) between
    /// runs. Any other answer than a row or the end fails the read with its <see cref="SqliteException"/>. A read in WAL
    /// mode does not wait for writers, so SQLite's busy answer, which Microsoft.Data.Sqlite's commands retry, comes only
    /// from another process holding the whole database, and fails the read like any other error.
    /// </summary>
    public List<T> ReadAll<T, TReader>(DbParameterCollection parameters, int capacity)
        where TReader : IRowReader<T>
    {
        var rows = new List<T>(capacity);
        try
        {
            Bind(parameters);
            int result;
            while ((result = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
                rows.Add(TReader.Read(new SqliteRowColumns(_handle)));
            }

            if (result != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(result, _connection.Handle);
            }

            return rows;
        }
        finally
        {
            _ = raw.sqlite3_reset(_statement);
            _ = raw.sqlite3_clear_bindings(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();

    private void Bind(DbParameterCollection parameters)
    {
        foreach (DbParameter parameter in parameters)
        {
            var index = raw.sqlite3_bind_parameter_index(_statement, parameter.ParameterName);
            if (index == 0)
            {
                continue;
            }

            var result = parameter.Value switch
            {
                null or DBNull => raw.sqlite3_bind_null(_statement, index),
                long value => raw.sqlite3_bind_int64(_statement, index, value),
                int value => raw.sqlite3_bind_int64(_statement, index, value),
                string value => raw.sqlite3_bind_text(_statement, index, value),
                byte[] value => raw.sqlite3_bind_blob(_statement, index, value),
                var other => throw new NotSupportedException($"A row statement cannot bind a {other.GetType().Name}."),
            };
            SqliteException.ThrowExceptionForRC(result, _connection.Handle);
        }
    }
}

/// <summary>The current row of a <see cref="SqliteRowStatement"/>, read column by column.</summary>
internal readonly struct SqliteRowColumns(nint statement) : IRowColumns
{
    public long Int64(int column) => SqliteColumnCalls.Int64(statement, column);

    public long? NullableInt64(int column) =>
        SqliteColumnCalls.Type(statement, column) == SqliteColumnCalls.Null ? null : SqliteColumnCalls.Int64(statement, column);

    public string String(int column) => NullableString(column) ?? "";

    public string? NullableString(int column)
    {
        var text = SqliteColumnCalls.Text(statement, column);
        return text == 0 ? null : Marshal.PtrToStringUTF8(text, SqliteColumnCalls.Bytes(statement, column));
    }
}
