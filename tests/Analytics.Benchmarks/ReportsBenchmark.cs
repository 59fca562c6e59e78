using Analytics.Warehouse.Figures;
using Analytics.Warehouse.Refresh;
using Analytics.Warehouse.Vocabulary;
using System.Diagnostics;
using System.Globalization;
using Analytics.Reports;
using Analytics.Reports.Charts;
using Analytics.Reports.Conference;
using Analytics.Reports.Excel;

namespace Analytics.Benchmarks;

/// <summary>
/// `reports`: the annual workbook and the conference pack (SVG + 1920×1080 PNG per chart) for every
/// province of a loaded warehouse, timed by phase; then warm slide throughput on one thread and on
/// --workers threads, for several PNG encoder settings, with file sizes and the peak memory.
/// </summary>
public static class ReportsBenchmark
{
    public static int Run(string[] args)
    {
        var options = new BenchmarkArguments(args, "--db", "--year", "--out", "--charts", "--workers", "--provinces", "--copy", "--overlap");
        var source = options.GetString("--db", "data/demo/warehouse.duckdb");
        var year = (int)options.GetInt64("--year", 2024);
        var output = options.GetString("--out", Path.Combine(Path.GetTempPath(), "analytics-bench-reports"));
        var throughputCount = (int)options.GetInt64("--charts", 100);
        var workerCount = (int)options.GetInt64("--workers", 2);
        var provinceLimit = (int)options.GetInt64("--provinces", int.MaxValue);
        var copy = options.GetInt64("--copy", 1) != 0;
        var overlap = options.GetInt64("--overlap", 1) != 0;
        if (!File.Exists(source))
        {
            Console.Error.WriteLine($"no warehouse at {source}; run ./analytics demo or pass --db");
            return 2;
        }
        Directory.CreateDirectory(output);
        var db = source;
        if (copy)
        {
            // Work on a copy: the metric tables may be refreshed, and the source may be someone's read-only file.
            // --copy 0 uses the file itself (a copy made beforehand, e.g. of the national warehouse).
            db = Path.Combine(output, "warehouse.duckdb");
            File.Copy(source, db, true);
        }
        var clock = TimeProvider.System;

        using var warehouse = Analytics.Warehouse.Warehouse.Open(db);
        using var connection = warehouse.Connect();
        // Refreshing belongs to ingest (`analytics refresh`), not to reports: done only when stale, and
        // not counted in the total.
        var refresh = Stopwatch.StartNew();
        var wasFresh = MetricTables.IsFresh(connection);
        if (!wasFresh) MetricTables.Refresh(connection);
        refresh.Stop();
        var total = Stopwatch.StartNew();
        var provinces = new List<string>();
        using (var reader = connection.Query("""
            SELECT DISTINCT p.unit_code FROM dim_unit p
            WHERE p.level = 1 AND p.valid_from <= $1 AND coalesce(p.valid_to, DATE '9999-12-31') >= $1
              AND EXISTS (SELECT 1 FROM dim_unit c WHERE c.parent_code = p.unit_code)
            ORDER BY 1
            """, new DateTime(year, 12, 31)))
        {
            while (reader.Read()) provinces.Add(reader.GetString(0));
        }
        if (provinces.Count > provinceLimit) provinces = provinces.Take(provinceLimit).ToList();

        if (Environment.GetEnvironmentVariable("REPORTS_BENCH_CALLS") == "1")
        {
            // Where loading time goes: the cost of one call of each metrics API used by the loader.
            var metrics = new Metrics(connection);
            var probe = provinces[0];
            foreach (var (name, call) in new (string, Action)[]
            {
                ("Get", () => metrics.Get("members", probe, $"{year}", Hierarchy.AsWas)),
                ("ForChildren", () => metrics.ForChildren("members", probe, $"{year}", Hierarchy.AsWas)),
                ("Trend", () => metrics.Trend("members", probe, year - 3, year)),
                ("Get month", () => metrics.Get("members", probe, $"{year}-05", Hierarchy.AsWas)),
            })
            {
                call();
                var w = Stopwatch.StartNew();
                for (var i = 0; i < 20; i++) call();
                Console.WriteLine($"{name,-12} {w.Elapsed.TotalMilliseconds / 20:0.0} ms");
            }
        }

        var loader = new ReportLoader(connection, clock, english: false);
        var prefetch = Stopwatch.StartNew();
        // Every province's figures in one pass, as a batch publisher would read them.
        loader.PrefetchAnnual(provinces, year.ToString(CultureInfo.InvariantCulture));
        prefetch.Stop();
        TimeSpan load = default, workbooks = default, render = default, waited = default;
        var charts = 0;
        long bytes = 0;
        // The packs render on worker threads while the next province loads from DuckDB here, so the
        // two overlap (--overlap 0 runs them one after the other). Phase times are busy times; with
        // overlap they add up to more than the total.
        Task rendering = Task.CompletedTask;
        var done = 0;
        foreach (var province in provinces)
        {
            var watch = Stopwatch.StartNew();
            var data = loader.Annual(province, year.ToString(CultureInfo.InvariantCulture));
            var plans = ReportLoader.PlansIssuedBy(province, year).Select(p => loader.Plan(p, province, year.ToString(CultureInfo.InvariantCulture))).ToList();
            load += watch.Elapsed;
            watch.Restart();
            var workbook = AnnualWorkbook.Build(data);
            File.WriteAllBytes(Path.Combine(output, $"bao-cao-nam-{province}-{year}.xlsx"), workbook);
            bytes += workbook.Length;
            workbooks += watch.Elapsed;
            var pack = ConferencePack.Charts(data, plans);
            charts += pack.Count;
            watch.Restart();
            rendering.GetAwaiter().GetResult();
            waited += watch.Elapsed;
            rendering = Task.Run(() =>
            {
                var busy = Stopwatch.StartNew();
                ConferencePack.Write(pack, Path.Combine(output, "conference-" + province), province, english: false, parallelism: workerCount);
                render += busy.Elapsed;
                Console.Error.Write($"\r{Interlocked.Increment(ref done)}/{provinces.Count} {province}   ");
            });
            if (!overlap) rendering.GetAwaiter().GetResult();
        }
        var last = Stopwatch.StartNew();
        rendering.GetAwaiter().GetResult();
        waited += last.Elapsed;
        total.Stop();
        Console.Error.WriteLine();

        // A ranking of 68 units, as on the national sample (a smaller warehouse is padded with made-up names).
        var slide = ReportCharts.Ranking(new ChartText("Tỷ lệ đoàn viên", "Kho dữ liệu", "Năm 2024"),
            Enumerable.Range(0, 68).Select(i => new UnitValue(i < provinces.Count ? provinces[i] : $"LĐLĐ tỉnh mẫu số {i + 1:00}", 0.6 + (i * 0.005))).ToList(),
            ValueFormat.Percent, 0.75, ChartLanguage.Vi, ChartSize.Slide);
        var svgPerSecond = Warm(throughputCount, 1, () => slide.RenderSvg());
        var encoders = new (string Name, PngSettings Settings)[]
        {
            ("default (Sub, zlib 3)", PngSettings.Default),
            ("no filter, zlib 2", new(SkiaSharp.SKPngEncoderFilterFlags.NoFilters, 2)),
            ("Up, zlib 3", new(SkiaSharp.SKPngEncoderFilterFlags.Up, 3)),
            ("all filters, zlib 6", new(SkiaSharp.SKPngEncoderFilterFlags.AllFilters, 6)),
        };
        var encoderLines = new List<string>();
        foreach (var (name, settings) in encoders)
        {
            var size = slide.RenderPng(settings).Length;
            var png = Warm(throughputCount, 1, () => slide.RenderPng(settings));
            encoderLines.Add($"PNG {name,-22} {png,6:0.0}/s one thread, {size / 1024,4} KiB a slide");
        }

        var slidesOne = Warm(throughputCount, 1, () => slide.Render());
        var slidesPool = Warm(throughputCount, workerCount, () => slide.Render());
        var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
        Warm(1000, workerCount, () => slide.Render());
        var peakAfter = Process.GetCurrentProcess().PeakWorkingSet64;

        Console.WriteLine($"warehouse            {source}");
        Console.WriteLine($"provinces            {provinces.Count} (year {year})");
        Console.WriteLine($"metrics refresh      {(wasFresh ? "fresh, none needed" : $"{refresh.Elapsed.TotalSeconds:0.00} s (not in the total)")}");
        Console.WriteLine($"prefetch figures     {prefetch.Elapsed.TotalSeconds:0.00} s (every province's yearly figures, completeness, ratings, submissions: one pass each)");
        Console.WriteLine($"load the rest        {load.TotalSeconds:0.00} s (names, plan scorecards)");
        Console.WriteLine($"annual workbooks     {workbooks.TotalSeconds:0.00} s ({bytes / 1024} KiB)");
        Console.WriteLine($"conference packs     {render.TotalSeconds:0.00} s ({charts} charts, SVG + PNG each, {workerCount} thread(s))");
        Console.WriteLine($"waiting for renders  {waited.TotalSeconds:0.00} s ({(overlap ? "packs render while the next province loads" : "no overlap")})");
        Console.WriteLine($"total                {total.Elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"warm SVG/s           {svgPerSecond:0.0} (1920x1080 ranking of 68 units, one thread)");
        foreach (var line in encoderLines) Console.WriteLine(line);
        Console.WriteLine($"warm slides/s        {slidesOne:0.0} on one thread, {slidesPool:0.0} on {workerCount} (SVG + PNG 1920x1080, default encoder)");
        Console.WriteLine($"peak working set     {peakBefore / (1024 * 1024)} MiB before 1,000 more slides, {peakAfter / (1024 * 1024)} MiB after");
        return 0;
    }

    // Items per second after one warm-up call on each thread.
    private static double Warm(int count, int threads, Action render)
    {
        Parallel.For(0, threads, _ => render());
        var clock = Stopwatch.StartNew();
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => render());
        return count / clock.Elapsed.TotalSeconds;
    }
}
