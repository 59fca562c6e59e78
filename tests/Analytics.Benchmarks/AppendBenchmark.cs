using System.Diagnostics;

namespace Analytics.Benchmarks;

/// <summary>
/// DuckDB.NET's appender against DuckDB's own CSV reader on the same rows (goal: at least 0.8x). Both load into an identical, fresh table in a fresh database file, and both are
/// timed from the first row to the commit (appender closed / INSERT returned); generating the rows,
/// writing the CSV file, creating the table and closing the file are not timed. Runs alternate between the two so background load hits both alike.
/// </summary>
public static class AppendBenchmark
{
    public static int Run(string[] args)
    {
        var options = new BenchmarkArguments(args, "--rows", "--runs", "--dir");
        var rowCount = checked((int)options.GetInt64("--rows", 10_000_000));
        var runs = (int)options.GetInt64("--runs", 3);
        var folder = Path.Combine(options.GetString("--dir", Path.GetTempPath()), "analytics-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            Console.WriteLine($"append: {rowCount:N0} fact rows, best of {runs} run(s), DuckDB {DuckDbDatabase.LibraryVersion}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            var clock = Stopwatch.StartNew();
            var rows = FactRows.Generate(rowCount);
            Console.WriteLine($"  generated rows in managed memory   {clock.Elapsed.TotalSeconds,6:F1} s (not timed)");
            var csv = Path.Combine(folder, "facts.csv");
            clock.Restart();
            rows.WriteCsv(csv);
            Console.WriteLine($"  wrote {new FileInfo(csv).Length / (1024.0 * 1024.0):N0} MiB of CSV          {clock.Elapsed.TotalSeconds,6:F1} s (not timed)");

            var binding = new List<double>();
            var native = new List<double>();
            long bindingPeak = 0, nativePeak = 0;
            var overallPeak = ProcessPeakMemory.Bytes(); // each phase restarts the kernel's peak, so keep the maximum here
            for (var run = 1; run <= runs; run++)
            {
                var (seconds, peak) = Measure(Path.Combine(folder, $"binding-{run}.duckdb"), c => AppendThroughBinding(c, rows));
                binding.Add(seconds);
                bindingPeak = Math.Max(bindingPeak, peak);
                var (nativeSeconds, nativePeakRun) = Measure(Path.Combine(folder, $"native-{run}.duckdb"), c => ReadCsvNatively(c, csv, rowCount));
                native.Add(nativeSeconds);
                nativePeak = Math.Max(nativePeak, nativePeakRun);
                overallPeak = Math.Max(overallPeak, Math.Max(peak, nativePeakRun));
                Console.WriteLine($"  run {run}: binding {rowCount / seconds,12:N0} rows/s ({seconds:F2} s)   read_csv {rowCount / nativeSeconds,12:N0} rows/s ({nativeSeconds:F2} s)");
                Verify(Path.Combine(folder, $"binding-{run}.duckdb"), Path.Combine(folder, $"native-{run}.duckdb"));
                File.Delete(Path.Combine(folder, $"binding-{run}.duckdb"));
                File.Delete(Path.Combine(folder, $"native-{run}.duckdb"));
            }

            var bestBinding = rowCount / binding.Min();
            var bestNative = rowCount / native.Min();
            Console.WriteLine();
            Console.WriteLine($"DuckDB.NET appender           {bestBinding,12:N0} rows/s   peak working set {ProcessPeakMemory.Format(bindingPeak)}");
            Console.WriteLine($"DuckDB read_csv (native)      {bestNative,12:N0} rows/s   peak working set {ProcessPeakMemory.Format(nativePeak)}");
            Console.WriteLine($"ratio binding/native          {bestBinding / bestNative,12:F2}   (goal >= 0.80)");
            Console.WriteLine($"process peak working set      {ProcessPeakMemory.Format(overallPeak)} over the whole run (the {rowCount:N0} generated rows included)");
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Opens a fresh database file with an empty fact table (not timed), times <paramref name="load"/>,
    /// closes the file (not timed: the checkpoint on close costs both loads the same). Returns the
    /// seconds and the peak working set during the load, the generated rows included.
    /// </summary>
    private static (double Seconds, long PeakBytes) Measure(string path, Action<DuckDBConnection> load)
    {
        using var db = DuckDbDatabase.Open(path);
        using var connection = db.Connect();
        connection.Execute($"CREATE TABLE fact ({FactRows.TableColumns})");
        GC.Collect();
        ProcessPeakMemory.Reset();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        load(connection);
        var seconds = clock.Elapsed.TotalSeconds;
        // CPU time moves less than wall time when other work shares the machine.
        Console.WriteLine($"    load CPU time {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds:F2} s, wall {seconds:F2} s");
        return (seconds, ProcessPeakMemory.Bytes());
    }

    private static void AppendThroughBinding(DuckDBConnection connection, FactRows rows)
    {
        using var appender = connection.CreateAppender("fact");
        // The reused row of AppendRow, as FactWriter appends.
        for (var r = 0; r < rows.Count; r++)
            appender.AppendRow((rows, r), static (row, s) =>
            {
                var (rows, r) = s;
                var value = rows.Value[r];
                row.AppendValue(rows.SubmissionId[r]).AppendValue(rows.UnitId[r]).AppendValue(rows.PeriodId[r]).AppendValue(rows.IndicatorId[r])
                    .AppendValue(double.IsNaN(value) ? null : value).AppendValue(rows.Category[r]);
            });
        appender.Close();
    }

    private static void ReadCsvNatively(DuckDBConnection connection, string csv, int rowCount)
    {
        var inserted = connection.Execute($"INSERT INTO fact SELECT * FROM read_csv('{csv.Replace("'", "''", StringComparison.Ordinal)}', header = true, columns = {FactRows.CsvColumns})");
        if (inserted != rowCount) throw new InvalidOperationException($"read_csv inserted {inserted:N0} rows, expected {rowCount:N0}.");
    }

    /// <summary>Both tables must hold the same rows, or the comparison means nothing.</summary>
    private static void Verify(string bindingPath, string nativePath)
    {
        const string checksum = """
            SELECT count(*), sum(submission_id), sum(unit_id), sum(period_id), sum(indicator_id), sum(round(value * 100)::HUGEINT),
                   count(value), sum(length(category)), count(category)
            FROM fact
            """;
        string Read(string path)
        {
            using var db = DuckDbDatabase.Open(path);
            using var connection = db.Connect();
            using var reader = connection.Query(checksum);
            reader.Read();
            return string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)));
        }
        var a = Read(bindingPath);
        var b = Read(nativePath);
        if (a != b) throw new InvalidOperationException($"The two loads differ:\n  binding  {a}\n  read_csv {b}");
    }
}
