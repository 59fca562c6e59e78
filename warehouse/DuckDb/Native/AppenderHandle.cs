using Microsoft.Win32.SafeHandles;

namespace Analytics.Warehouse.DuckDb.Native;

/// <summary>Owns a <c>duckdb_appender</c>; releasing it flushes, closes and destroys it.</summary>
internal sealed class AppenderHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public AppenderHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.AppenderDestroy(ref h);
        return true;
    }
}
