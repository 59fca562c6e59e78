using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Analytics.Reports.Charts;

/// <summary>
/// Benchmark hook: warm charts per second of one worker (the goal is ≥ 10 per second).
/// Not used by reports; the benchmark project calls it.
/// </summary>
public static class ChartThroughput
{
    /// <summary>
    /// Renders <paramref name="spec"/> once to warm the worker, then <paramref name="count"/> times,
    /// as SVG, or as PNG when a size is given, and returns charts per second.
    /// </summary>
    public static double MeasureWarm(ChartWorker worker, JsonNode spec, int count, ChartSize? png = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        Render(worker, spec, png);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            Render(worker, spec, png);
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    private static void Render(ChartWorker worker, JsonNode spec, ChartSize? png)
    {
        if (png is null)
        {
            worker.RenderSvg(spec);
        }
        else
        {
            worker.RenderPng(spec, png.Width, png.Height);
        }
    }
}
