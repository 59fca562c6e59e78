using System.Diagnostics;

namespace Analytics.Benchmarks;

/// <summary>
/// The Arrow IPC export (`sql --format arrow`, the published .arrow files) against DuckDB's own columnar
/// export of the same result, COPY … TO Parquet, in the same process and run. Both read one fact-shaped
/// table of a file warehouse (integers, a double, a date and Vietnamese text); runs alternate so
/// background load hits both alike. Memory is the process's peak working set during each phase.
/// </summary>
public static class ArrowBenchmark
{
    public static int Run(string[] args)
    {
        var options = new BenchmarkArguments(args, "--rows", "--runs", "--dir");
        var rowCount = options.GetInt64("--rows", 10_000_000);
        var runs = (int)options.GetInt64("--runs", 3);
        var folder = Path.Combine(options.GetString("--dir", Path.GetTempPath()), "analytics-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            Console.WriteLine($"arrow: {rowCount:N0} rows, best of {runs} run(s), DuckDB {DuckDbDatabase.LibraryVersion}, {Environment.ProcessorCount} cores");
            var db = Path.Combine(folder, "w.duckdb");
            using var database = DuckDbDatabase.Open(db);
            using var connection = database.Connect();
            connection.Execute($"""
                CREATE TABLE facts AS
                SELECT (i % 236000)::INTEGER AS unit_id, (i % 60)::SMALLINT AS indicator_id, (i % 500)::INTEGER AS period_id,
                       (i % 9973)::DOUBLE AS value, DATE '2021-01-01' + (i % 1800)::INTEGER AS received_on,
                       'Công đoàn cơ sở số ' || (i % 5000) AS unit_name
                FROM range({rowCount}) t(i)
                """);
            const string Query = "SELECT * FROM facts";

            var arrow = new List<double>();
            var native = new List<double>();
            long arrowPeak = 0, nativePeak = 0, arrowBytes = 0, parquetBytes = 0;
            for (var run = 1; run <= runs; run++)
            {
                var arrowFile = Path.Combine(folder, $"out-{run}.arrow");
                ProcessPeakMemory.Reset();
                var clock = Stopwatch.StartNew();
                long written;
                written = ArrowExport.WriteFile(connection, Query, arrowFile).Rows;
                arrow.Add(clock.Elapsed.TotalSeconds);
                arrowPeak = Math.Max(arrowPeak, ProcessPeakMemory.Bytes());
                if (written != rowCount) throw new InvalidOperationException($"the Arrow file holds {written:N0} rows, not {rowCount:N0}");
                arrowBytes = new FileInfo(arrowFile).Length;
                File.Delete(arrowFile);

                var parquetFile = Path.Combine(folder, $"out-{run}.parquet");
                ProcessPeakMemory.Reset();
                clock.Restart();
                connection.Execute($"COPY ({Query}) TO '{parquetFile}' (FORMAT parquet)");
                native.Add(clock.Elapsed.TotalSeconds);
                nativePeak = Math.Max(nativePeak, ProcessPeakMemory.Bytes());
                parquetBytes = new FileInfo(parquetFile).Length;
                File.Delete(parquetFile);
                Console.WriteLine($"  run {run}: Arrow IPC {rowCount / arrow[^1],12:N0} rows/s ({arrow[^1]:F2} s)   COPY TO parquet {rowCount / native[^1],12:N0} rows/s ({native[^1]:F2} s)");
            }
            var bestArrow = rowCount / arrow.Min();
            var bestNative = rowCount / native.Min();
            Console.WriteLine();
            Console.WriteLine($"Arrow IPC export (ArrowExport)  {bestArrow,12:N0} rows/s   file {arrowBytes / 1048576.0:N0} MiB   peak working set {ProcessPeakMemory.Format(arrowPeak)}");
            Console.WriteLine($"DuckDB COPY TO parquet (native) {bestNative,12:N0} rows/s   file {parquetBytes / 1048576.0:N0} MiB   peak working set {ProcessPeakMemory.Format(nativePeak)}");
            Console.WriteLine($"ratio Arrow/native              {bestArrow / bestNative,12:F2}");
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
