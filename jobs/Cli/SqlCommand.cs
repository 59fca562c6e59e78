using Analytics.Jobs.Operations;
using Analytics.Warehouse.Store;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics sql`: read-only SQL over the warehouse for analysts.</summary>
public static class SqlCommand
{
    public static readonly CommandSpec Spec = new(
        "sql",
        "Run read-only SQL over the warehouse (views documented in docs/analyst-guide.md)",
        "./analytics sql \"SELECT …\" [--format table|csv|json] [--max-rows N]\n       ./analytics sql \"SELECT …\" --format arrow --out FILE.arrow",
        [
            new("--format", "FORMAT", "table, csv, json, or arrow (an Arrow IPC file; needs --out)", Default: "table"),
            new("--max-rows", "N", "stop after this many rows (table format only; 0 = no limit)", Default: "1000"),
            new("--out", "FILE", "the Arrow IPC file to write (--format arrow only; replaced whole)"),
        ],
        Run,
        "The warehouse is opened read-only with external access off: statements that write, attach files or read the\nfile system are refused. For other work open the file with DuckDB's own CLI: duckdb -readonly data/warehouse.duckdb\n" +
        "--format arrow streams the whole result (no row limit) into an Arrow IPC file, written aside and renamed into\nplace; pandas, polars and R open it (docs/analyst-guide.md). Columns of types other than BOOLEAN, integers,\nFLOAT, DOUBLE, DECIMAL, VARCHAR, DATE and TIMESTAMP are refused: cast them in SQL.");

    private static int Run(Invocation cli)
    {
        if (cli.Arguments.Count != 1) throw new UsageException("give the query as one argument (quote it).");
        var format = cli.Get("--format")!;
        if (format is not ("table" or "csv" or "json" or "arrow")) throw new UsageException("--format must be table, csv, json or arrow.");
        if (!int.TryParse(cli.Get("--max-rows"), out var maxRows) || maxRows < 0) throw new UsageException("--max-rows must be a whole number.");
        if (format != "table") maxRows = 0;
        var outFile = cli.Get("--out");
        if (format == "arrow" && string.IsNullOrWhiteSpace(outFile)) throw new UsageException("--format arrow needs --out FILE.arrow.");
        if (format != "arrow" && outFile is not null) throw new UsageException("--out is for --format arrow only; other formats print to standard output.");

        cli.RequireWarehouseFile();
        try
        {
            if (format == "arrow") return WriteArrow(cli, outFile!);
            var answer = AnalystQuery.Run(cli.DbPath, cli.Arguments[0], maxRows);
            TextTable.Write(cli.Out, format, answer.Columns, answer.Rows);
            if (answer.Truncated) cli.Error.WriteLine(cli.English ? $"(first {maxRows} rows; use --max-rows 0 or --format csv for all)" : $"(chỉ hiện {maxRows} dòng đầu; dùng --max-rows 0 hoặc --format csv để xem hết)");
            return CliApp.Ok;
        }
        catch (System.Data.Common.DbException e) when (AnalystSql.Refusal(e.Message, cli.English) is { } reason)
        {
            cli.Error.WriteLine(cli.English
                ? $"analytics sql: refused — {reason} DuckDB said: {e.Message}"
                : $"analytics sql: bị từ chối — {reason} DuckDB: {e.Message}");
            return CliApp.Refused;
        }
    }

    /// <summary>The whole result, streamed batch by batch into an Arrow IPC file; the file is replaced whole or not at all.</summary>
    private static int WriteArrow(Invocation cli, string outFile)
    {
        var path = Path.GetFullPath(outFile);
        if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
            throw new UsageException(cli.English ? $"--out: the folder {folder} does not exist." : $"--out: thư mục {folder} không tồn tại.");
        var written = AnalystQuery.WriteArrowFile(cli.DbPath, cli.Arguments[0], path);
        cli.Out.WriteLine(cli.English
            ? $"Wrote {written.Rows:N0} rows to {path} (Arrow IPC)."
            : $"Đã ghi {written.Rows:N0} dòng vào {path} (Arrow IPC).");
        return CliApp.Ok;
    }
}
