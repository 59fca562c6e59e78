using System.Diagnostics;

namespace Analytics.Warehouse.Tests;

/// <summary>What the process holds: the managed heap plus everything native (DuckDB's buffers included).</summary>
public static class ProcessMemory
{
    public static long WorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public static long Managed() => GC.GetTotalMemory(forceFullCollection: false);
}
