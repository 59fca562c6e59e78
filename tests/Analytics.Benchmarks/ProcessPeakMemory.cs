using System.Diagnostics;

namespace Analytics.Benchmarks;

/// <summary>
/// The process's peak working set (Linux VmHWM: managed heap and DuckDB's native memory alike).
/// <see cref="Reset"/> lets one phase be measured on its own.
/// </summary>
public static class ProcessPeakMemory
{
    public static long Bytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    /// <summary>Restarts the peak from the current working set, where the kernel allows it.</summary>
    public static void Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not on Linux, or not permitted: the figure then stays the whole-run peak.
        }
    }

    public static string Format(long bytes) => $"{bytes / (1024.0 * 1024.0):N0} MiB";
}
