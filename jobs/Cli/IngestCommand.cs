using Analytics.Warehouse.Vocabulary;
using System.CommandLine;
using Analytics.Etl.Ingest;
using Analytics.Jobs.Operations;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics ingest PATH...`: load submission files through validation.</summary>
public static class IngestCommand
{
    public static Command Build(CliContext cli)
    {
        var paths = cli.Arguments("PATH", "tệp hoặc thư mục (tìm cả thư mục con)", "files and folders (searched recursively)");
        var receivedAt = cli.Moment("--received-at", "TIMESTAMP",
            "thời điểm nhận cho mọi tệp (nạp lại lịch sử); mặc định: thời điểm trong manifest, nếu không thì bây giờ",
            "received time for every file (back-loading history); default: the manifest's time, else now");
        var manifest = cli.Text("--manifest", "FILE",
            "CSV file,received_at cho từng tệp (manifest.csv trong thư mục được tìm tự động)",
            "CSV with file,received_at per file (found automatically as manifest.csv in a folder)");
        var feedback = cli.Text("--feedback", "DIR",
            "ghi, cho mỗi tệp Excel bị từ chối, một bản sao đánh dấu các ô sai",
            "write, for each refused workbook, a copy with the offending cells marked");
        var quarantine = cli.Text("--quarantine", "DIR",
            "nơi chép các tệp bị từ chối kèm thông báo (mặc định: quarantine/ cạnh kho dữ liệu)",
            "where refused files are copied with their messages (default: quarantine/ beside the warehouse)");
        var format = cli.Choice("--format", ["table", "json"], "table", "dạng kết quả", "summary format");
        var batch = cli.Int("--batch", "N", 1000, 1, int.MaxValue,
            "số tệp mỗi giao dịch: ít hơn thì tốn ít bộ nhớ hơn khi nạp lại nhiều",
            "files per transaction: fewer use less memory on long back-loads");
        var command = new Command("ingest", cli.T(
            "Nạp tệp báo cáo (CSV, xlsx, mẫu biểu, JSON) qua kiểm tra vào kho dữ liệu\n\n" +
            "Mỗi báo cáo (một đơn vị, một kỳ) được chấp nhận hoặc từ chối riêng; báo cáo bị từ chối không chặn các báo cáo khác.\n" +
            "Mã thoát 0 khi mọi báo cáo được chấp nhận, 1 khi có báo cáo bị từ chối.",
            "Load submission files (CSV, xlsx, template, JSON) through validation into the warehouse\n\n" +
            "Each submission (one unit, one period) is accepted or refused on its own; a refused one never stops the others.\n" +
            "Exit code 0 when everything was accepted, 1 when anything was refused."))
        {
            paths, receivedAt, manifest, feedback, quarantine, format, batch,
        };
        return command.Runs(cli, run =>
        {
            var given = run.Get(paths)!;
            foreach (var path in given)
                if (!File.Exists(path) && !Directory.Exists(path)) throw new UsageException(run.T($"không có tệp hay thư mục '{path}'.", $"no file or folder '{path}'."));
            if (run.Get(manifest) is { } m && !File.Exists(m)) throw new UsageException(run.T($"không có tệp manifest '{m}'.", $"no manifest '{m}'."));

            using var warehouse = run.OpenWarehouse();
            using var connection = warehouse.Connect();
            var ingest = new IngestFiles(connection, warehouse.Path, new IngestFilesRequest(given)
            {
                ReceivedAt = run.Get(receivedAt),
                Manifest = run.Get(manifest),
                FeedbackDirectory = run.Get(feedback),
                QuarantineDirectory = run.Get(quarantine),
                English = run.English,
                Batch = run.Get(batch),
            }, run.Clock);
            var label = run.T("nạp", "ingest");
            var outcomes = Terminal.Progress(run.Error, label, ingest.Files.Count, bar => ingest.Run(new Progress<int>(done =>
            {
                if (bar is null) return;
                bar.Value = done;
                bar.Description = $"{label} {Languages.From(run.English).Count(done)}/{Languages.From(run.English).Count(ingest.Files.Count)}";
            })));

            if (run.Get(format) == "json") WriteJson(run, outcomes);
            else WriteSummary(run, outcomes);
            return outcomes.Any(o => o.AnythingRefused) ? CliApp.Refused : CliApp.Ok;
        });
    }

    private static void WriteSummary(CommandRun run, IReadOnlyList<FileOutcome> outcomes)
    {
        var en = run.English;
        foreach (var file in outcomes.Where(o => o.AnythingRefused))
        {
            if (file.FileError is not null)
            {
                run.Error.WriteLine((en ? "REFUSED FILE " : "TỆP BỊ TỪ CHỐI ") + file.FileError);
                continue;
            }
            foreach (var s in file.Submissions.Where(s => s.Status == SubmissionOutcome.Refused))
            {
                run.Error.WriteLine(en ? $"REFUSED {s.UnitCode} {s.PeriodCode} ({Path.GetFileName(file.Path)}):" : $"TỪ CHỐI {s.UnitCode} {s.PeriodCode} ({Path.GetFileName(file.Path)}):");
                foreach (var m in s.Messages.Where(m => m.Severity == Severity.Error))
                    run.Error.WriteLine("  " + m.Format(file.Path, null, s.UnitCode, s.PeriodCode, en));
            }
            if (file.QuarantinedTo is not null) run.Error.WriteLine((en ? "  quarantined: " : "  lưu cách ly: ") + file.QuarantinedTo);
            foreach (var f in file.FeedbackFiles) run.Error.WriteLine((en ? "  feedback workbook: " : "  tệp phản hồi: ") + f);
        }

        string[] headers = en
            ? ["files", "skipped (seen before)", "unreadable", "submissions", "accepted", "unchanged", "refused", "warnings", "values"]
            : ["tệp", "bỏ qua (đã nạp)", "không đọc được", "báo cáo", "chấp nhận", "không đổi", "từ chối", "cảnh báo", "giá trị"];
        var t = IngestFiles.Totals(outcomes);
        Rows.Write(run.Out, "table", headers, [[t.Files, t.Skipped, t.Unreadable, t.Submissions, t.Accepted, t.Unchanged, t.Refused, t.Warnings, t.Values]], Languages.From(run.English));
    }

    private static void WriteJson(CommandRun run, IReadOnlyList<FileOutcome> outcomes)
    {
        var json = outcomes.Select(o => new
        {
            file = o.Path,
            format = o.Format,
            received_at = o.ReceivedAt,
            already_ingested = o.AlreadyIngested,
            file_error = o.FileError,
            quarantined_to = o.QuarantinedTo,
            feedback = o.FeedbackFiles,
            submissions = o.Submissions.Select(s => new
            {
                unit = s.UnitCode,
                period = s.PeriodCode,
                status = s.Status,
                version = s.Version,
                messages = s.Messages.Select(m => new
                {
                    rule = m.RuleId,
                    severity = m.Severity.ToString().ToLowerInvariant(),
                    indicator = m.Indicator,
                    row = m.Row,
                    cell = m.Cell,
                    message = m.Text.In(run.English),
                }),
            }),
        });
        run.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(json, Rows.JsonOptions));
    }
}
