using Microsoft.Win32.SafeHandles;

namespace Analytics.Warehouse.DuckDb.Native;

/// <summary>Owns a <c>duckdb_config</c>; releasing it calls <c>DestroyConfig</c>.</summary>
internal sealed class ConfigHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ConfigHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.DestroyConfig(ref h);
        return true;
    }
}
