using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Analytics.Warehouse.DuckDb.Native;

/// <summary>
/// Owns native memory holding a <c>duckdb_result</c> struct. The C API fills a struct the caller
/// allocates; it must not move while DuckDB streams from it, so it lives outside the GC heap.
/// Releasing destroys the result, then frees the memory.
/// </summary>
internal sealed class ResultHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public unsafe ResultHandle() : base(ownsHandle: true)
    {
        SetHandle((IntPtr)NativeMemory.AllocZeroed(NativeMethods.ResultSize));
    }

    /// <summary>A copy of the struct, for functions that take duckdb_result by value.</summary>
    internal unsafe ResultStruct Value => *(ResultStruct*)handle;

    protected override unsafe bool ReleaseHandle()
    {
        NativeMethods.DestroyResult(handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}
