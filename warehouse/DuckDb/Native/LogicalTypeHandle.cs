using Microsoft.Win32.SafeHandles;

namespace Analytics.Warehouse.DuckDb.Native;

/// <summary>Owns a <c>duckdb_logical_type</c>; releasing it calls <c>DestroyLogicalType</c>.</summary>
internal sealed class LogicalTypeHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public LogicalTypeHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.DestroyLogicalType(ref h);
        return true;
    }
}
