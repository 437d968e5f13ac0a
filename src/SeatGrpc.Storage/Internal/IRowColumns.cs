using System.Data.Common;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// The typed getters a row reader needs, over a <see cref="DbDataReader"/> or a <see cref="SqliteRowStatement"/>'s row.
/// Readers take it as a generic struct argument, so each source gets its own code with the calls inlined.
/// </summary>
internal interface IRowColumns
{
    long Int64(int column);

    long? NullableInt64(int column);

    string String(int column);

    string? NullableString(int column);
}

/// <summary>Builds one row type from the columns of a SELECT written for it (see <see cref="RowReads"/>).</summary>
internal interface IRowReader<out T>
{
    static abstract T Read<TColumns>(TColumns row)
        where TColumns : struct, IRowColumns;
}

/// <summary>The current row of a <see cref="DbDataReader"/>.</summary>
internal readonly struct DataReaderColumns(DbDataReader reader) : IRowColumns
{
    public long Int64(int column) => reader.GetInt64(column);

    public long? NullableInt64(int column) => reader.IsDBNull(column) ? null : reader.GetInt64(column);

    public string String(int column) => reader.GetString(column);

    public string? NullableString(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}

/// <summary>A row's columns from <paramref name="offset"/> on, for a row that joins two row types side by side.</summary>
internal readonly struct OffsetColumns<TColumns>(TColumns row, int offset) : IRowColumns
    where TColumns : struct, IRowColumns
{
    public long Int64(int column) => row.Int64(offset + column);

    public long? NullableInt64(int column) => row.NullableInt64(offset + column);

    public string String(int column) => row.String(offset + column);

    public string? NullableString(int column) => row.NullableString(offset + column);
}
