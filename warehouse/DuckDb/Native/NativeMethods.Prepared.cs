using System.Runtime.InteropServices;

namespace Analytics.Warehouse.DuckDb.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Library, EntryPoint = "duckdb_prepare", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Prepare(ConnectionHandle connection, string query, out PreparedStatementHandle statement);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_prepare")]
    internal static partial void DestroyPrepare(ref IntPtr statement);

    [LibraryImport(Library, EntryPoint = "duckdb_prepare_error")]
    internal static partial IntPtr PrepareError(PreparedStatementHandle statement);

    [LibraryImport(Library, EntryPoint = "duckdb_nparams")]
    internal static partial ulong ParameterCount(PreparedStatementHandle statement);

    [LibraryImport(Library, EntryPoint = "duckdb_clear_bindings")]
    internal static partial int ClearBindings(PreparedStatementHandle statement);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_null")]
    internal static partial int BindNull(PreparedStatementHandle statement, ulong index);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_boolean")]
    internal static partial int BindBoolean(PreparedStatementHandle statement, ulong index, [MarshalAs(UnmanagedType.I1)] bool value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_int32")]
    internal static partial int BindInt32(PreparedStatementHandle statement, ulong index, int value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_int64")]
    internal static partial int BindInt64(PreparedStatementHandle statement, ulong index, long value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_double")]
    internal static partial int BindDouble(PreparedStatementHandle statement, ulong index, double value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_decimal")]
    internal static partial int BindDecimal(PreparedStatementHandle statement, ulong index, DuckDbDecimal value);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_varchar_length")]
    internal static unsafe partial int BindVarcharLength(PreparedStatementHandle statement, ulong index, byte* value, ulong length);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_date")]
    internal static partial int BindDate(PreparedStatementHandle statement, ulong index, int days);

    [LibraryImport(Library, EntryPoint = "duckdb_bind_timestamp")]
    internal static partial int BindTimestamp(PreparedStatementHandle statement, ulong index, long micros);

    [LibraryImport(Library, EntryPoint = "duckdb_execute_prepared")]
    internal static partial int ExecutePrepared(PreparedStatementHandle statement, ResultHandle result);

    [LibraryImport(Library, EntryPoint = "duckdb_execute_prepared_streaming")]
    internal static partial int ExecutePreparedStreaming(PreparedStatementHandle statement, ResultHandle result);
}

/// <summary>duckdb_decimal: width, scale, and the unscaled value as a 128-bit integer.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct DuckDbDecimal
{
    public byte Width;
    public byte Scale;
    public ulong Lower;
    public long Upper;
}
