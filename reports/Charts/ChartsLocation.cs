using System.Reflection;

namespace Analytics.Reports.Charts;

/// <summary>
/// Finds the chart worker folder (reports/charts: worker.mjs and its node_modules).
/// </summary>
/// <remarks>
/// The build records the folder's absolute path in this assembly, which works for `dotnet test`
/// and for the CLI built into jobs/bin/cli from the same checkout. ANALYTICS_CHARTS_DIR overrides it
/// (a deployment that copies the folder elsewhere).
/// </remarks>
public static class ChartsLocation
{
    public const string OverrideVariable = "ANALYTICS_CHARTS_DIR";
    public const string WorkerScript = "worker.mjs";

    public static string Resolve()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Check(Path.GetFullPath(fromEnvironment), $"the {OverrideVariable} environment variable");
        }

        var recorded = typeof(ChartsLocation).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "Analytics.ChartsDir")?.Value;
        if (string.IsNullOrEmpty(recorded))
        {
            throw new ChartRenderException(
                $"The chart worker folder is unknown: set {OverrideVariable} to the reports/charts folder.");
        }

        return Check(recorded, "the path recorded at build time");
    }

    private static string Check(string directory, string source)
    {
        if (!File.Exists(Path.Combine(directory, WorkerScript)))
        {
            throw new ChartRenderException(
                $"No {WorkerScript} in '{directory}' (from {source}); set {OverrideVariable} to the reports/charts folder.");
        }

        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            throw new ChartRenderException(
                $"The chart worker's packages are not installed in '{directory}': run `npm ci` there (the reports build does it).");
        }

        return directory;
    }
}
