using System.Globalization;
using Analytics.Etl.Files;
using Analytics.Etl.Ingest;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics ingest PATH...`: load submission files through validation.</summary>
public static class IngestCommand
{
    public static readonly CommandSpec Spec = new(
        "ingest",
        "Load submission files (CSV, xlsx, template, JSON) through validation into the warehouse",
        "./analytics ingest PATH... [--received-at TIMESTAMP] [--manifest FILE] [--feedback DIR] [--quarantine DIR] [--format table|json]",
        [
            new("--received-at", "TIMESTAMP", "received time for every file (back-loading history); default: the manifest's time, else now"),
            new("--manifest", "FILE", "CSV with file,received_at per file (found automatically as manifest.csv in a folder)"),
            new("--feedback", "DIR", "write, for each refused workbook, a copy with the offending cells marked"),
            new("--quarantine", "DIR", "where refused files are copied with their messages (default: quarantine/ beside the warehouse)"),
            new("--format", "table|json", "summary format", Default: "table"),
            new("--batch", "N", "files per transaction: fewer use less memory on long back-loads", Default: "1000"),
        ],
        Run,
        "Files and folders (searched recursively). Each submission (one unit, one period) is accepted or refused on its own;\n" +
        "a refused one never stops the others. Exit code 0 when everything was accepted, 1 when anything was refused.");

    private static int Run(Invocation cli)
    {
        if (cli.Arguments.Count == 0) throw new UsageException("give at least one file or folder.");
        foreach (var path in cli.Arguments)
            if (!File.Exists(path) && !Directory.Exists(path)) throw new UsageException($"no file or folder '{path}'.");
        var format = cli.Get("--format")!;
        if (format is not ("table" or "json")) throw new UsageException("--format must be table or json.");

        if (!int.TryParse(cli.Get("--batch"), CultureInfo.InvariantCulture, out var batch) || batch < 1)
            throw new UsageException("--batch must be a whole number of files, at least 1.");

        DateTime? receivedAt = null;
        if (cli.Get("--received-at") is { } text)
        {
            if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
                throw new UsageException($"--received-at '{text}' is not a date or timestamp (e.g. 2024-03-14T09:00:00).");
            receivedAt = t;
        }

        using var warehouse = cli.OpenWarehouse();
        using var connection = warehouse.Connect();
        var options = new IngestOptions
        {
            ReceivedAt = receivedAt,
            Manifest = LoadManifests(cli),
            FeedbackDirectory = cli.Get("--feedback"),
            QuarantineDirectory = cli.Get("--quarantine") ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(warehouse.Path)) ?? ".", "quarantine"),
            English = cli.English,
        };
        var ingestor = new Ingestor(connection, options, cli.Clock);
        var files = ingestor.Expand(cli.Arguments);
        var outcomes = new List<FileOutcome>();
        using (var progress = new ProgressLine(cli.Error, files.Count, cli.English ? "ingest" : "nạp"))
        {
            outcomes.AddRange(ingestor.IngestFiles(files, new InlineProgress<int>(done => progress.Report(done)), batch));
            progress.Report(files.Count);
        }

        if (format == "json") WriteJson(cli, outcomes);
        else WriteSummary(cli, outcomes);
        return outcomes.Any(o => o.AnythingRefused) ? CliApp.Refused : CliApp.Ok;
    }

    private static Dictionary<string, DateTime> LoadManifests(Invocation cli)
    {
        var manifests = new List<string>();
        if (cli.Get("--manifest") is { } explicitManifest)
        {
            if (!File.Exists(explicitManifest)) throw new UsageException($"no manifest '{explicitManifest}'.");
            manifests.Add(explicitManifest);
        }
        foreach (var folder in cli.Arguments.Where(Directory.Exists))
            manifests.AddRange(Directory.EnumerateFiles(folder, "manifest.csv", SearchOption.AllDirectories));
        var map = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var manifest in manifests.Distinct())
            foreach (var (file, time) in ReceiptManifest.Read(manifest)) map[file] = time;
        return map;
    }

    private static void WriteSummary(Invocation cli, List<FileOutcome> outcomes)
    {
        var en = cli.English;
        var problems = outcomes.Where(o => o.AnythingRefused).ToList();
        foreach (var file in problems)
        {
            if (file.FileError is not null)
            {
                cli.Error.WriteLine((en ? "REFUSED FILE " : "TỆP BỊ TỪ CHỐI ") + file.FileError);
                continue;
            }
            foreach (var s in file.Submissions.Where(s => s.Status == SubmissionOutcome.Refused))
            {
                cli.Error.WriteLine(en ? $"REFUSED {s.UnitCode} {s.PeriodCode} ({Path.GetFileName(file.Path)}):" : $"TỪ CHỐI {s.UnitCode} {s.PeriodCode} ({Path.GetFileName(file.Path)}):");
                foreach (var m in s.Messages.Where(m => m.Severity == Severity.Error))
                    cli.Error.WriteLine("  " + m.Format(file.Path, null, s.UnitCode, s.PeriodCode, en));
            }
            if (file.QuarantinedTo is not null) cli.Error.WriteLine((en ? "  quarantined: " : "  lưu cách ly: ") + file.QuarantinedTo);
            foreach (var f in file.FeedbackFiles) cli.Error.WriteLine((en ? "  feedback workbook: " : "  tệp phản hồi: ") + f);
        }

        string[] headers = en
            ? ["files", "skipped (seen before)", "unreadable", "submissions", "accepted", "unchanged", "refused", "warnings", "values"]
            : ["tệp", "bỏ qua (đã nạp)", "không đọc được", "báo cáo", "chấp nhận", "không đổi", "từ chối", "cảnh báo", "giá trị"];
        TextTable.Write(cli.Out, "table", headers,
        [
            [
                outcomes.Count, outcomes.Count(o => o.AlreadyIngested), outcomes.Count(o => o.FileError is not null),
                outcomes.Sum(o => o.Submissions.Count), outcomes.Sum(o => o.Accepted), outcomes.Sum(o => o.Unchanged),
                outcomes.Sum(o => o.Refused), outcomes.Sum(o => o.Warnings), outcomes.Sum(o => o.Values),
            ],
        ]);
    }

    private static void WriteJson(Invocation cli, List<FileOutcome> outcomes)
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
                    message = m.Text.In(cli.English),
                }),
            }),
        });
        cli.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(json, TextTable.JsonOptions));
    }
}
