using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analytics.Etl.Catalog;
using Analytics.Etl.Ingest;
using Analytics.Etl.Registry;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Benchmarks;

/// <summary>
/// Validated, versioned ingest of one period of a generated sample (all its files, every format)
/// against DuckDB's own read_csv of the same values written as one plain CSV, in the same run.
/// The registry load is not timed; the CSV written for the baseline is not timed.
/// </summary>
public static class IngestBenchmark
{
    public static int Run(string[] args)
    {
        var options = new BenchmarkArguments(args, "--sample", "--period", "--dir");
        var sample = options.GetString("--sample", "");
        var period = options.GetString("--period", "2024-Q1");
        if (sample.Length == 0 || !Directory.Exists(Path.Combine(sample, "submissions", period)))
        {
            Console.Error.WriteLine("ingest: --sample DIR must be a folder written by `analytics sample` with submissions/PERIOD/ (e.g. --period 2024-Q1)");
            return 2;
        }
        var work = Directory.CreateDirectory(Path.Combine(options.GetString("--dir", Path.GetTempPath()), $"analytics-bench-ingest-{Environment.ProcessId}")).FullName;
        try
        {
            return Measure(sample, period, work);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static int Measure(string sample, string period, string work)
    {
        var files = Directory.EnumerateFiles(Path.Combine(sample, "submissions", period), "*", SearchOption.AllDirectories)
            .Where(Ingestor.IsSubmissionFile).Order(StringComparer.Ordinal).ToList();
        Console.WriteLine($"ingest benchmark: {files.Count:N0} files of {period} from {sample}");

        using var warehouse = Analytics.Warehouse.Warehouse.Open(Path.Combine(work, "ingest.duckdb"));
        using var connection = warehouse.Connect();
        IndicatorCatalog.Default.Sync(connection);
        var registry = UnitRegistryImport.Import(connection, Path.Combine(sample, "units.csv"));
        if (registry.Refused) throw new InvalidOperationException("sample registry refused: " + registry.Issues[0].Reason.En);

        var ingestor = new Ingestor(connection, new IngestOptions { ReceivedAt = DateTime.UtcNow }, TimeProvider.System);
        ProcessPeakMemory.Reset();
        var watch = Stopwatch.StartNew();
        long submissions = 0, accepted = 0, values = 0;
        foreach (var outcome in ingestor.IngestFiles(files))
        {
            submissions += outcome.Submissions.Count;
            accepted += outcome.Accepted;
            values += outcome.Values;
        }
        var ingestSeconds = watch.Elapsed.TotalSeconds;
        var ingestPeak = ProcessPeakMemory.Bytes();

        // The same accepted values as one CSV, loaded by DuckDB's own reader into a fresh database.
        var csv = Path.Combine(work, "values.csv");
        connection.Execute($"""
            COPY (SELECT s.unit_code, s.period_code AS period, i.indicator_code AS indicator, coalesce(CAST(f.value AS VARCHAR), f.category) AS value
                  FROM fact_value f JOIN submission s USING (submission_id) JOIN dim_indicator i USING (indicator_id))
            TO '{csv}' (HEADER, DELIMITER ',')
            """);
        using var native = DuckDbDatabase.Open(Path.Combine(work, "native.duckdb"));
        using var nativeConnection = native.Connect();
        nativeConnection.Execute("CREATE TABLE raw (unit_code VARCHAR, period VARCHAR, indicator VARCHAR, value VARCHAR)");
        watch.Restart();
        var loaded = nativeConnection.Execute($"INSERT INTO raw SELECT * FROM read_csv('{csv}', header = true, columns = {{'unit_code': 'VARCHAR', 'period': 'VARCHAR', 'indicator': 'VARCHAR', 'value': 'VARCHAR'}})");
        var nativeSeconds = watch.Elapsed.TotalSeconds;
        if (loaded != values) throw new InvalidOperationException($"baseline loaded {loaded} values, ingest {values}");

        var ingestRate = values / ingestSeconds;
        var nativeRate = values / nativeSeconds;
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"submissions            {submissions,12:N0} ({accepted:N0} accepted)");
        report.AppendLine(CultureInfo.InvariantCulture, $"values                 {values,12:N0}");
        report.AppendLine(CultureInfo.InvariantCulture, $"ingest (validated)     {ingestSeconds,10:N2} s  {ingestRate,12:N0} values/s  {submissions / ingestSeconds,10:N0} submissions/s");
        report.AppendLine(CultureInfo.InvariantCulture, $"DuckDB read_csv        {nativeSeconds,10:N2} s  {nativeRate,12:N0} values/s");
        report.AppendLine(CultureInfo.InvariantCulture, $"ratio ingest/native    {ingestRate / nativeRate,10:N3}   (goal >= 0.25)");
        report.AppendLine(CultureInfo.InvariantCulture, $"peak working set       {ProcessPeakMemory.Format(ingestPeak)} during ingest (goal < 2 GB)");
        Console.Write(report);
        return 0;
    }
}
