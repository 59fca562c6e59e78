using Analytics.Warehouse.Vocabulary;
using System.CommandLine;
using Analytics.Jobs.Operations;
using Analytics.Warehouse.Store;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics sql`: read-only SQL over the warehouse for analysts.</summary>
public static class SqlCommand
{
    public static Command Build(CliContext cli)
    {
        var query = cli.Argument("QUERY", "câu SQL, trong dấu nháy", "the SQL statement, quoted");
        var format = cli.Choice("--format", ["table", "csv", "json", "arrow"], "table",
            "table, csv, json, hoặc arrow (tệp Arrow IPC; cần --out)", "table, csv, json, or arrow (an Arrow IPC file; needs --out)");
        var maxRows = cli.Int("--max-rows", "N", 1000, 0, int.MaxValue,
            "dừng sau chừng này dòng (chỉ dạng table; 0 = không giới hạn)", "stop after this many rows (table format only; 0 = no limit)");
        var outFile = cli.Text("--out", "FILE", "tệp Arrow IPC cần ghi (chỉ với --format arrow; thay cả tệp)", "the Arrow IPC file to write (--format arrow only; replaced whole)");
        var command = new Command("sql", cli.T(
            "Chạy SQL chỉ đọc trên kho dữ liệu (các view mô tả trong docs/analyst-guide.md)\n\n" +
            "Kho được mở chỉ đọc, không truy cập bên ngoài: câu lệnh ghi, gắn tệp hay đọc hệ thống tệp bị từ chối. Việc khác\n" +
            "hãy mở tệp bằng CLI của DuckDB: duckdb -readonly data/warehouse.duckdb\n" +
            "--format arrow ghi toàn bộ kết quả (không giới hạn dòng) vào một tệp Arrow IPC, ghi ra chỗ khác rồi đổi tên vào\n" +
            "chỗ; pandas, polars và R mở được (docs/analyst-guide.md). Cột có kiểu ngoài BOOLEAN, số nguyên, FLOAT, DOUBLE,\n" +
            "DECIMAL, VARCHAR, DATE và TIMESTAMP bị từ chối: hãy đổi kiểu (CAST) trong SQL.",
            "Run read-only SQL over the warehouse (views documented in docs/analyst-guide.md)\n\n" +
            "The warehouse is opened read-only with external access off: statements that write, attach files or read the\n" +
            "file system are refused. For other work open the file with DuckDB's own CLI: duckdb -readonly data/warehouse.duckdb\n" +
            "--format arrow streams the whole result (no row limit) into an Arrow IPC file, written aside and renamed into\n" +
            "place; pandas, polars and R open it (docs/analyst-guide.md). Columns of types other than BOOLEAN, integers,\n" +
            "FLOAT, DOUBLE, DECIMAL, VARCHAR, DATE and TIMESTAMP are refused: cast them in SQL."))
        {
            query, format, maxRows, outFile,
        };
        return command.Runs(cli, run =>
        {
            var f = run.Get(format)!;
            var limit = f == "table" ? run.Get(maxRows) : 0;
            var target = run.Get(outFile);
            if (f == "arrow" && string.IsNullOrWhiteSpace(target)) throw new UsageException(run.T("--format arrow cần --out FILE.arrow.", "--format arrow needs --out FILE.arrow."));
            if (f != "arrow" && target is not null) throw new UsageException(run.T("--out chỉ dùng với --format arrow; các dạng khác in ra đầu ra chuẩn.", "--out is for --format arrow only; other formats print to standard output."));

            run.RequireWarehouseFile();
            try
            {
                if (f == "arrow") return WriteArrow(run, run.Get(query)!, target!);
                var answer = AnalystQuery.Run(run.DbPath, run.Get(query)!, limit);
                Rows.Write(run.Out, f, answer.Columns, answer.Rows, Languages.From(run.English));
                if (answer.Truncated) run.Error.WriteLine(run.T($"(chỉ hiện {limit} dòng đầu; dùng --max-rows 0 hoặc --format csv để xem hết)", $"(first {limit} rows; use --max-rows 0 or --format csv for all)"));
                return CliApp.Ok;
            }
            catch (System.Data.Common.DbException e) when (AnalystSql.Refusal(e.Message, run.English) is { } reason)
            {
                run.Error.WriteLine(run.T($"analytics sql: bị từ chối — {reason} DuckDB: {e.Message}", $"analytics sql: refused — {reason} DuckDB said: {e.Message}"));
                return CliApp.Refused;
            }
        });
    }

    /// <summary>The whole result, streamed batch by batch into an Arrow IPC file; the file is replaced whole or not at all.</summary>
    private static int WriteArrow(CommandRun run, string query, string outFile)
    {
        var path = Path.GetFullPath(outFile);
        if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
            throw new UsageException(run.T($"--out: thư mục {folder} không tồn tại.", $"--out: the folder {folder} does not exist."));
        var written = AnalystQuery.WriteArrowFile(run.DbPath, query, path);
        run.Out.WriteLine(run.T($"Đã ghi {Language.Vi.Count(written.Rows)} dòng vào {path} (Arrow IPC).", $"Wrote {Language.En.Count(written.Rows)} {(written.Rows == 1 ? "row" : "rows")} to {path} (Arrow IPC)."));
        return CliApp.Ok;
    }
}
