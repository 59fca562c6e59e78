using Analytics.Benchmarks;

// One console entry point for every benchmark: `dotnet run -c Release --project tests/Analytics.Benchmarks -- NAME [options]`.
// To add one, write a class with a static Run(string[] options) returning an exit code, in its own
// file, and add a line here and in Usage. Results go in docs/benchmarks.md with the command used.
return args.FirstOrDefault() switch
{
    "append" => AppendBenchmark.Run(args[1..]),
    "ingest" => IngestBenchmark.Run(args[1..]),
    "reports" => ReportsBenchmark.Run(args[1..]),
    "metrics" => MetricsBenchmark.Run(args[1..]),
    "arrow" => ArrowBenchmark.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run -c Release --project tests/Analytics.Benchmarks -- BENCHMARK [options]

          append [--rows N] [--runs K] [--dir PATH]
              bulk append of fact rows through the binding's data-chunk appender vs DuckDB's
              read_csv of the same rows (default 10,000,000 rows, best of 3 runs)

          ingest --sample DIR [--period 2024-Q1] [--runs 3] [--batch N] [--dir PATH] [--onto WAREHOUSE]
              validated, versioned ingest of one period of a generated sample (analytics sample)
              vs DuckDB's read_csv of the same values; median of --runs ingests (1 for --period all);
              --onto: each run into a copy of WAREHOUSE (holding the registry and earlier periods)

          reports [--db PATH] [--year 2024] [--out DIR] [--charts 100] [--workers 2] [--provinces N] [--copy 1|0] [--overlap 1|0]
              annual workbook and conference pack for every province of a loaded warehouse
              (a copy is used), by phase; warm chart throughput (SVG and 1920x1080 PNG)

          metrics --db PATH [--runs 5] [--from YEAR] [--to YEAR] [--as-of yyyy-MM-dd]
              yearly as-is trend of members_admitted and cba_coverage for every province, and the
              attainment of every target for every province: engine vs hand-written SQL over the
              raw facts, same run, warm; refreshes PATH in place (pass a copy)

          arrow [--rows N] [--runs K] [--dir PATH]
              Arrow IPC export of a streamed result (sql --format arrow, published .arrow files)
              vs DuckDB's COPY TO parquet of the same rows (default 10,000,000 rows, best of 3 runs)
        """);
    return 2;
}
