using Microsoft.Win32.SafeHandles;

namespace Analytics.Warehouse.DuckDb.Native;

/// <summary>Owns a <c>duckdb_prepared_statement</c>; releasing it calls <c>DestroyPrepare</c>.</summary>
internal sealed class PreparedStatementHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public PreparedStatementHandle() : base(ownsHandle: true) { }

    protected override bool ReleaseHandle()
    {
        var h = handle;
        NativeMethods.DestroyPrepare(ref h);
        return true;
    }
}
