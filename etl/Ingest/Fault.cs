namespace Analytics.Etl.Ingest;

/// <summary>
/// A test seam at the edge of the world: when ANALYTICS_FAULT names a point, the process dies
/// there at once (as a power cut or kill -9 would), so tests can prove a load is all or nothing.
/// </summary>
internal static class Fault
{
    private static readonly string? Point = Environment.GetEnvironmentVariable("ANALYTICS_FAULT");

    public static void At(string point)
    {
        if (Point == point) Environment.FailFast($"ANALYTICS_FAULT: killed at {point}");
    }
}
