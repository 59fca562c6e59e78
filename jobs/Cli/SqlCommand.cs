using Analytics.Warehouse.DuckDb;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics sql`: read-only SQL over the warehouse for analysts.</summary>
public static class SqlCommand
{
    public static readonly CommandSpec Spec = new(
        "sql",
        "Run read-only SQL over the warehouse (views documented in docs/analyst-guide.md)",
        "./analytics sql \"SELECT …\" [--format table|csv|json] [--max-rows N]",
        [
            new("--format", "table|csv|json", "output format", Default: "table"),
            new("--max-rows", "N", "stop after this many rows (table format only; 0 = no limit)", Default: "1000"),
        ],
        Run,
        "The warehouse is opened read-only with external access off: statements that write, attach files or read the\nfile system are refused. For other work open the file with DuckDB's own CLI: duckdb -readonly data/warehouse.duckdb");

    private static int Run(Invocation cli)
    {
        if (cli.Arguments.Count != 1) throw new UsageException("give the query as one argument (quote it).");
        var format = cli.Get("--format")!;
        if (format is not ("table" or "csv" or "json")) throw new UsageException("--format must be table, csv or json.");
        if (!int.TryParse(cli.Get("--max-rows"), out var maxRows) || maxRows < 0) throw new UsageException("--max-rows must be a whole number.");
        if (format != "table") maxRows = 0;

        using var database = DuckDbDatabase.Open(cli.DbPath, ReadOnlyOptions);
        using var connection = database.Connect();
        try
        {
            using var reader = connection.Query(cli.Arguments[0]);
            var headers = Enumerable.Range(0, reader.ColumnCount).Select(reader.GetName).ToList();
            var rows = new List<IReadOnlyList<object?>>();
            var truncated = false;
            while (reader.Read())
            {
                if (maxRows > 0 && rows.Count == maxRows)
                {
                    truncated = true;
                    break;
                }
                rows.Add([.. Enumerable.Range(0, reader.ColumnCount).Select(i => Value(reader, i))]);
            }
            TextTable.Write(cli.Out, format, headers, rows);
            if (truncated) cli.Error.WriteLine(cli.English ? $"(first {maxRows} rows; use --max-rows 0 or --format csv for all)" : $"(chỉ hiện {maxRows} dòng đầu; dùng --max-rows 0 hoặc --format csv để xem hết)");
            return CliApp.Ok;
        }
        catch (DuckDbException e) when (IsWriteRefusal(e.Message))
        {
            cli.Error.WriteLine(cli.English
                ? $"analytics sql: refused — this command only reads. DuckDB said: {e.Message}"
                : $"analytics sql: bị từ chối — lệnh này chỉ đọc dữ liệu, không được ghi hay truy cập tệp. DuckDB: {e.Message}");
            return CliApp.Refused;
        }
    }

    /// <summary>Read-only, and no file system or network access from SQL (no COPY TO, ATTACH, read_csv of arbitrary files).</summary>
    public static readonly DuckDbOptions ReadOnlyOptions = new()
    {
        ReadOnly = true,
        Settings = new Dictionary<string, string> { ["enable_external_access"] = "false" },
    };

    private static bool IsWriteRefusal(string message) =>
        message.Contains("read-only", StringComparison.OrdinalIgnoreCase)
        || message.Contains("external access", StringComparison.OrdinalIgnoreCase)
        || message.Contains("Permission Error", StringComparison.OrdinalIgnoreCase);

    private static object? Value(DuckDbReader reader, int column)
    {
        try
        {
            return reader.GetValue(column);
        }
        catch (NotSupportedException)
        {
            return $"<{reader.GetColumnType(column)}>";
        }
    }
}
