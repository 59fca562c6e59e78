using Microsoft.Win32.SafeHandles;

namespace Analytics.Warehouse.DuckDb.Native;

/// <summary>Owns a <c>duckdb_data_chunk</c>; releasing it calls <c>DestroyDataChunk</c>.</summary>
internal sealed class DataChunkHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DataChunkHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.DestroyDataChunk(ref h);
        return true;
    }
}
