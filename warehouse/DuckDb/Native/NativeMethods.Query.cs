using System.Runtime.InteropServices;

namespace Analytics.Warehouse.DuckDb.Native;

/// <summary>The layout of duckdb_result, for the functions that take it by value.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct ResultStruct
{
    public ulong ColumnCount;
    public ulong RowCount;
    public ulong RowsChanged;
    public IntPtr Columns;
    public IntPtr ErrorMessage;
    public IntPtr InternalData;
}

internal static partial class NativeMethods
{
    /// <summary>sizeof(duckdb_result): six pointer-sized fields on 64-bit.</summary>
    internal const int ResultSize = 48;

    [LibraryImport(Library, EntryPoint = "duckdb_query", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Query(ConnectionHandle connection, string sql, ResultHandle result);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_result")]
    internal static partial void DestroyResult(IntPtr result);

    [LibraryImport(Library, EntryPoint = "duckdb_result_error")]
    internal static partial IntPtr ResultError(ResultHandle result);

    [LibraryImport(Library, EntryPoint = "duckdb_column_count")]
    internal static partial ulong ColumnCount(ResultHandle result);

    [LibraryImport(Library, EntryPoint = "duckdb_column_name")]
    internal static partial IntPtr ColumnName(ResultHandle result, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_column_type")]
    internal static partial DuckDbType ColumnType(ResultHandle result, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_column_logical_type")]
    internal static partial LogicalTypeHandle ColumnLogicalType(ResultHandle result, ulong column);

    [LibraryImport(Library, EntryPoint = "duckdb_rows_changed")]
    internal static partial ulong RowsChanged(ResultHandle result);

    // Unlike most result functions, duckdb_fetch_chunk takes the duckdb_result struct by value.
    [LibraryImport(Library, EntryPoint = "duckdb_fetch_chunk")]
    internal static partial DataChunkHandle FetchChunk(ResultStruct result);

    [LibraryImport(Library, EntryPoint = "duckdb_create_logical_type")]
    internal static partial LogicalTypeHandle CreateLogicalType(DuckDbType type);

    [LibraryImport(Library, EntryPoint = "duckdb_create_decimal_type")]
    internal static partial LogicalTypeHandle CreateDecimalType(byte width, byte scale);

    [LibraryImport(Library, EntryPoint = "duckdb_get_type_id")]
    internal static partial DuckDbType GetTypeId(LogicalTypeHandle type);

    [LibraryImport(Library, EntryPoint = "duckdb_decimal_width")]
    internal static partial byte DecimalWidth(LogicalTypeHandle type);

    [LibraryImport(Library, EntryPoint = "duckdb_decimal_scale")]
    internal static partial byte DecimalScale(LogicalTypeHandle type);

    [LibraryImport(Library, EntryPoint = "duckdb_decimal_internal_type")]
    internal static partial DuckDbType DecimalInternalType(LogicalTypeHandle type);

    [LibraryImport(Library, EntryPoint = "duckdb_destroy_logical_type")]
    internal static partial void DestroyLogicalType(ref IntPtr type);
}
