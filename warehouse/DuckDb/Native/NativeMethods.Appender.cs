using System.Runtime.InteropServices;

namespace Analytics.Warehouse.DuckDb.Native;

internal static partial class NativeMethods
{
    [LibraryImport(Library, EntryPoint = "duckdb_appender_create", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int AppenderCreate(ConnectionHandle connection, string? schema, string table, out AppenderHandle appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_error")]
    internal static partial IntPtr AppenderError(AppenderHandle appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_flush")]
    internal static partial int AppenderFlush(AppenderHandle appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_close")]
    internal static partial int AppenderClose(AppenderHandle appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_destroy")]
    internal static partial int AppenderDestroy(ref IntPtr appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_column_count")]
    internal static partial ulong AppenderColumnCount(AppenderHandle appender);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_column_type")]
    internal static partial LogicalTypeHandle AppenderColumnType(AppenderHandle appender, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_appender_end_row")]
    internal static partial int AppenderEndRow(AppenderHandle appender);

    [LibraryImport(Library, EntryPoint = "duckdb_append_null")]
    internal static partial int AppendNull(AppenderHandle appender);

    [LibraryImport(Library, EntryPoint = "duckdb_append_bool")]
    internal static partial int AppendBool(AppenderHandle appender, [MarshalAs(UnmanagedType.I1)] bool value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_int32")]
    internal static partial int AppendInt32(AppenderHandle appender, int value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_int64")]
    internal static partial int AppendInt64(AppenderHandle appender, long value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_double")]
    internal static partial int AppendDouble(AppenderHandle appender, double value);

    [LibraryImport(Library, EntryPoint = "duckdb_append_varchar_length")]
    internal static unsafe partial int AppendVarcharLength(AppenderHandle appender, byte* value, ulong length);

    [LibraryImport(Library, EntryPoint = "duckdb_append_date")]
    internal static partial int AppendDate(AppenderHandle appender, int days);

    [LibraryImport(Library, EntryPoint = "duckdb_append_timestamp")]
    internal static partial int AppendTimestamp(AppenderHandle appender, long micros);

    [LibraryImport(Library, EntryPoint = "duckdb_append_data_chunk")]
    internal static partial int AppendDataChunk(AppenderHandle appender, DataChunkHandle chunk);
}
