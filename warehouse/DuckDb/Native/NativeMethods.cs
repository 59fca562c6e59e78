using System.Runtime.InteropServices;

namespace Analytics.Warehouse.DuckDb.Native;

/// <summary>
/// P/Invoke declarations for DuckDB's C API, split by the sections of its documentation
/// (Open, Query, Prepared, Appender, DataChunk). Nothing outside the binding sees a raw pointer.
/// </summary>
internal static partial class NativeMethods
{
    /// <summary>Resolves to libduckdb.so copied next to the assemblies by the build.</summary>
    internal const string Library = "duckdb";

    internal const int Success = 0; // DuckDBSuccess; DuckDBError = 1

    [LibraryImport(Library, EntryPoint = "duckdb_free")]
    internal static partial void Free(IntPtr ptr);

    [LibraryImport(Library, EntryPoint = "duckdb_library_version")]
    internal static partial IntPtr LibraryVersion();

    [LibraryImport(Library, EntryPoint = "duckdb_vector_size")]
    internal static partial ulong VectorSize();

    /// <summary>Reads a NUL-terminated UTF-8 string that DuckDB owns (borrowed, not freed).</summary>
    internal static string? ReadUtf8(IntPtr ptr) => ptr == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(ptr);
}
