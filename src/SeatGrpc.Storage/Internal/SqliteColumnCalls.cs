using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SeatGrpc.Storage.Internal;

/// <summary>
/// SQLite's column getters, called on a statement's raw pointer without a GC transition. Through SQLitePCLRaw each call
/// pinned the statement's SafeHandle and switched the thread to preemptive mode and back; a page of 50 seats made some
/// 3,000 of them, a third of ListSeats' CPU. These functions only read the current row: no I/O, no callbacks, and no
/// lock in the multi-thread mode <see cref="SqliteDialect"/> sets up, which is what <see cref="SuppressGCTransitionAttribute"/>
/// asks of a function. The library is the one SQLitePCLRaw loads (RowStatementTests checks that only one is mapped).
/// </summary>
internal static partial class SqliteColumnCalls
{
    private const string Library = "e_sqlite3";

    public const int Null = 5;

    [LibraryImport(Library, EntryPoint = "sqlite3_column_type")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Type(nint statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial long Int64(nint statement, int column);

    /// <summary>The value as UTF-8; zero for NULL. Valid until the next step, reset or conversion of that column.</summary>
    [LibraryImport(Library, EntryPoint = "sqlite3_column_text")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial nint Text(nint statement, int column);

    /// <summary>Bytes of the value last fetched by <see cref="Text"/>, without its terminator.</summary>
    [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes")]
    [SuppressGCTransition]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    public static partial int Bytes(nint statement, int column);
}
