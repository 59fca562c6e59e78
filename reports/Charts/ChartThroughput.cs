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

    /// <summary>
    /// Slides per second: each render is one SVG and one PNG of <paramref name="size"/> from the same
    /// vega run (what the conference pack does), shared out over <paramref name="workers"/> in
    /// parallel after one warm-up render on each.
    /// </summary>
    public static double MeasureWarmSlides(IReadOnlyList<ChartWorker> workers, JsonNode spec, int count, ChartSize size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfZero(workers.Count);
        Parallel.ForEach(workers, w => w.RenderSvgAndPng(spec, size.Width, size.Height));
        var next = -1;
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(workers, new ParallelOptions { MaxDegreeOfParallelism = workers.Count }, w =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                w.RenderSvgAndPng(spec, size.Width, size.Height);
            }
        });
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
