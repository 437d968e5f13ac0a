using System.Data;
using System.Data.Common;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// Sets a cached command's parameters by name (<c>@Name</c>, as in the SQL), typed so that a null still has a type
/// for PostgreSQL. The hot write statements use these instead of Dapper's per-call command and parameter objects.
/// </summary>
internal static class CommandParameters
{
    public static DbCommand With(this DbCommand command, string name, string? value) => Set(command, name, DbType.String, value);

    public static DbCommand With(this DbCommand command, string name, long value) => Set(command, name, DbType.Int64, value);

    public static DbCommand With(this DbCommand command, string name, long? value) => Set(command, name, DbType.Int64, value);

    public static DbCommand With(this DbCommand command, string name, byte[]? value) => Set(command, name, DbType.Binary, value);

    /// <summary>
    /// Sets the parameter at <paramref name="index"/>, adding it (named <paramref name="name"/>) on the command's first use;
    /// every use of the command sets its parameters in the same order.
    /// </summary>
    public static void SetAt(this DbCommand command, int index, string name, DbType type, object? value)
    {
        if (index < command.Parameters.Count)
        {
            command.Parameters[index].Value = value ?? DBNull.Value;
            return;
        }

        Add(command, name, type, value);
    }

    /// <summary>The first column of the first row, or null when there is no row or the value is NULL.</summary>
    public static async Task<long?> ScalarInt64Async(this DbCommand command, CancellationToken cancellationToken)
    {
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Add(DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static DbCommand Set(DbCommand command, string name, DbType type, object? value)
    {
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        DbParameter parameter;
        if (index < 0)
        {
            parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            parameters.Add(parameter);
        }
        else
        {
            parameter = parameters[index];
        }

        parameter.Value = value ?? DBNull.Value;
        return command;
    }
}
