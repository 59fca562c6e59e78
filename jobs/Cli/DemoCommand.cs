using Analytics.Warehouse.Vocabulary;
using System.CommandLine;
using Analytics.Jobs.Operations;
using Analytics.Etl.Ingest;
using Analytics.Etl.Registry;
using Analytics.Etl.Sample;
using Analytics.Warehouse.Completeness;
using Analytics.Warehouse.Attainment;
using Analytics.Warehouse.Plans;
using System.Collections.Concurrent;
using Analytics.Warehouse.Store;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Cli;

/// <summary>
/// `analytics demo`: the main job end to end on a generated sample organisation — generate, load
/// the registry, then start a Hangfire server in this process (in-memory job store) and let the
/// service's jobs do the rest as they do in `analytics serve`: ingest the inbox (with each file's simulated receipt time), refresh,
/// publish the snapshot, reminders, monthly and annual reports; and summarise.
/// </summary>
public static class DemoCommand
{
    public static Command Build(CliContext cli)
    {
        var output = new Option<string>("--out")
        {
            HelpName = "DIR",
            Description = cli.T("nơi đặt dữ liệu mẫu và kết quả (mặc định ./data/demo)", "where the sample and outputs go (default ./data/demo)"),
            DefaultValueFactory = _ => "./data/demo",
        };
        var scale = cli.Choice("--scale", ["small", "national"], "small", "cỡ dữ liệu mẫu", "sample size");
        var timeout = new Option<double?>("--timeout")
        {
            HelpName = "MINUTES",
            Description = cli.T(
                $"thời gian chờ lâu nhất cho các tác vụ, tính chung (mặc định {SmallTimeoutMinutes}, {NationalTimeoutMinutes} với --scale national)",
                $"longest wait for the jobs, all of them together (default {SmallTimeoutMinutes}, {NationalTimeoutMinutes} with --scale national)"),
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var minutes) && minutes > 0 && minutes <= 7 * 24 * 60)
                    return minutes;
                cli.Fail(result, "--timeout phải là số phút lớn hơn 0 (0.5 là nửa phút).", "--timeout must be a number of minutes above 0 (0.5 is half a minute).");
                return null;
            },
        };
        var command = new Command("demo", cli.T(
            "Chạy công việc chính từ đầu đến cuối trên một tổ chức mẫu và in bản tóm tắt\n\n" +
            "Mỗi lần chạy làm lại từ đầu: kho của bản chạy thử (DIR/warehouse.duckdb trong --out, hoặc --db nếu có; không bao giờ\n" +
            "ANALYTICS_DB) được tạo lại, nhưng chỉ khi chính bản chạy thử đã tạo nó: kho không do bản chạy thử tạo không bao giờ bị ghi đè.\n" +
            "Sau dữ liệu mẫu và danh mục, các tác vụ của dịch vụ chạy trên máy chạy tác vụ Hangfire trong tiến trình này (lưu trong bộ nhớ):\n" +
            "nạp hộp thư đến, tính lại và công bố nối tiếp, nhắc nộp, báo cáo tháng và năm (docs/service.md).\n" +
            "Bản chạy thử không bao giờ chờ mãi một tác vụ: khi tác vụ trước không nối tiếp nó, hoặc khi hết --timeout, nó nêu tên\n" +
            "tác vụ không chạy hoặc không xong, dừng các tác vụ đang chạy và máy chạy tác vụ, và thoát với mã 1.",
            "Run the main job end to end on a generated sample organisation and print a summary\n\n" +
            "Starts from scratch each time: the demo's warehouse (DIR/warehouse.duckdb under --out, or --db if given; never\n" +
            "ANALYTICS_DB) is rebuilt, but only if a demo made it: a warehouse the demo did not make is never overwritten.\n" +
            "After the sample and its registry, the service's jobs run on a Hangfire server in this process (in-memory store):\n" +
            "ingest of the inbox, refresh and publish as its continuations, reminders, the monthly and annual reports (docs/service.md).\n" +
            "The demo never waits forever for a job: when the job before did not continue with it, or when --timeout has passed,\n" +
            "it names the job that never ran or never finished, stops the running jobs and the server, and exits with status 1."))
        {
            output, scale, timeout,
        };
        return command.Runs(cli, run => Run(run, run.Get(output)!, run.Get(scale)!, run.Get(timeout)));
    }

    /// <summary>The small demo takes under a minute on two cores; ten leaves room for a loaded machine.</summary>
    public const double SmallTimeoutMinutes = 10;

    /// <summary>The national back-load alone takes about a quarter of an hour, a refresh up to half an hour under load.</summary>
    public const double NationalTimeoutMinutes = 120;

    private static int Run(CommandRun cli, string outOption, string scaleOption, double? timeoutMinutes)
    {
        var en = cli.English;
        var output = Path.GetFullPath(outOption);
        var scale = scaleOption == "national" ? SampleScale.National : SampleScale.Small;
        var timeout = TimeSpan.FromMinutes(timeoutMinutes ?? (scale == SampleScale.National ? NationalTimeoutMinutes : SmallTimeoutMinutes));
        // Only an explicit --db moves the demo's warehouse: ANALYTICS_DB names the user's real one.
        var dbPath = Path.GetFullPath(cli.Given(cli.Cli.Db) ? cli.DbPath : Path.Combine(output, "warehouse.duckdb"));
        if (ServiceLock.Find(dbPath) is { } holder)
        {
            cli.Error.WriteLine("analytics demo: " + ServiceLock.Refusal(holder, en));
            return CliApp.Refused;
        }
        if (File.Exists(dbPath) && !File.Exists(DemoMark(dbPath)))
        {
            cli.Error.WriteLine(en
                ? $"analytics demo: {dbPath} exists and was not made by a demo; the demo never overwrites it. Give the demo another --out or --db."
                : $"analytics demo: {dbPath} đã có và không do bản chạy thử tạo ra; bản chạy thử không bao giờ ghi đè nó. Hãy cho bản chạy thử --out hoặc --db khác.");
            return CliApp.Refused;
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        var settings = Settings(output, dbPath, en);
        var sampleDir = Path.Combine(output, "sample");
        // Starts from scratch: the demo's own folders and warehouse only, never anything else in --out.
        foreach (var folder in new[] { sampleDir, settings.Inbox, settings.PublishedDirectory, settings.SubmissionsDirectory, settings.FeedbackDirectory,
                     settings.QuarantineDirectory, settings.RemindersDirectory, settings.ReportsDirectory })
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(dbPath)!);
        foreach (var stale in new[] { dbPath, dbPath + ".wal" }) File.Delete(stale);
        // Marks the warehouse as the demo's before it exists, so a demo cut short can still rebuild it.
        File.WriteAllText(DemoMark(dbPath), "made by `analytics demo`; the next demo may rebuild this warehouse\n");

        cli.Out.WriteLine(en ? "1/6 Generating the sample organisation…" : "1/6 Tạo dữ liệu mẫu…");
        var today = cli.Today;
        var summary = SampleCommand.Generate(cli, scale, sampleDir, SampleOptions.DefaultSeed, today);
        SampleCommand.Print(cli, summary);

        cli.Out.WriteLine(en ? "2/6 Loading the unit registry…" : "2/6 Nạp danh mục đơn vị…");
        using (var warehouse = Analytics.Warehouse.Warehouse.Open(dbPath, clock: cli.Clock))
        using (var connection = warehouse.Connect())
        {
            var registry = UnitRegistryImport.Import(connection, Path.Combine(sampleDir, "units.csv"));
            if (registry.Refused)
            {
                foreach (var issue in registry.Issues) cli.Error.WriteLine(issue.Format("units.csv", en));
                return CliApp.Refused;
            }
            cli.Out.WriteLine(en ? $"   {Language.En.Count(registry.Added)} registry rows." : $"   {Language.Vi.Count(registry.Added)} dòng danh mục.");
        }

        var staged = StageInbox(Path.Combine(sampleDir, "submissions"), settings.Inbox);
        cli.Out.WriteLine(en
            ? $"3/6 Starting the job server (Hangfire, in-memory store) in this process; {Language.En.Count(staged)} submission files dropped into its inbox {settings.Inbox}…"
            : $"3/6 Khởi động máy chạy tác vụ (Hangfire, lưu trong bộ nhớ) trong tiến trình này; {Language.Vi.Count(staged)} tệp báo cáo được đưa vào hộp thư đến {settings.Inbox}…");
        var runs = RunJobs(cli, settings, timeout);
        if (runs is null) return CliApp.Refused;
        var reports = Directory.EnumerateFiles(settings.ReportsDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        foreach (var file in reports.Where(f => f.EndsWith(".xlsx", StringComparison.Ordinal) || f.EndsWith("index.html", StringComparison.Ordinal)))
            cli.Out.WriteLine("   " + file);

        using (var warehouse = Analytics.Warehouse.Warehouse.Open(dbPath, clock: cli.Clock))
        using (var connection = warehouse.Connect())
        {
            cli.Out.WriteLine();
            PrintCompleteness(cli, connection, summary.LastQuarter);
            cli.Out.WriteLine();
            PrintAttainmentGaps(cli, connection, today);
        }
        cli.Out.WriteLine();
        cli.Out.WriteLine(en ? $"Warehouse: {dbPath}" : $"Kho dữ liệu: {dbPath}");
        cli.Out.WriteLine(en ? $"Read-only snapshot and Parquet for analysts: {settings.PublishedDirectory}" : $"Bản sao chỉ đọc và Parquet cho phân tích: {settings.PublishedDirectory}");
        cli.Out.WriteLine(en ? $"Sample files: {sampleDir}" : $"Tệp mẫu: {sampleDir}");
        cli.Out.WriteLine(en ? $"Reports ({reports.Count} files): {settings.ReportsDirectory}" : $"Báo cáo ({reports.Count} tệp): {settings.ReportsDirectory}");
        cli.Out.WriteLine(en ? $"Late and missing units: {settings.RemindersDirectory}" : $"Đơn vị nộp muộn, chưa nộp: {settings.RemindersDirectory}");
        cli.Out.WriteLine(en ? $"Refused files and feedback: {settings.QuarantineDirectory}, {settings.FeedbackDirectory}" : $"Tệp bị từ chối và phản hồi: {settings.QuarantineDirectory}, {settings.FeedbackDirectory}");
        cli.Out.WriteLine(en ? $"Try: ./analytics completeness --period {summary.LastQuarter} --unit HNI --db {dbPath}" : $"Thử: ./analytics completeness --period {summary.LastQuarter} --unit HNI --db {dbPath}");
        cli.Out.WriteLine(en ? $"Done in {Language.En.Count(started.Elapsed.TotalSeconds)} s." : $"Hoàn thành trong {Language.Vi.Count(started.Elapsed.TotalSeconds)} giây.");
        return CliApp.Ok;
    }

    /// <summary>
    /// The service's settings with everything under the demo's folder: an in-memory job store (the
    /// demo's jobs end with it), no schedules (each job is run now), no retries (a failure is reported at once), the national
    /// confederation's monthly and annual reports and Thanh Hóa's conference pack (it carries plan 002's charts).
    /// </summary>
    private static ServiceSettings Settings(string output, string dbPath, bool english) => new()
    {
        Db = dbPath,
        Inbox = Path.Combine(output, "inbox"),
        Output = output,
        Store = "memory",
        Schedules = new ScheduleSettings { Ingest = "", Reminders = "", MonthlyReport = "", AnnualReport = "" },
        Retry = new RetrySettings { Attempts = 1 },
        ReportUnits = ["TLD"],
        ConferenceUnits = ["THA"],
        Language = english ? "en" : "vi",
    };

    /// <summary>
    /// Puts the sample's files into the inbox, flat as the inbox wants them (names prefixed by their
    /// period folder, since names repeat across periods), with a receipt manifest naming them.
    /// </summary>
    private static int StageInbox(string submissions, string inbox)
    {
        Directory.CreateDirectory(inbox);
        var received = ReceiptManifest.Read(Path.Combine(submissions, "manifest.csv"));
        var manifest = new System.Text.StringBuilder("file,received_at\n");
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(submissions, "*", SearchOption.AllDirectories).Where(Ingestor.IsSubmissionFile).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(submissions, file);
            var name = relative.Replace(Path.DirectorySeparatorChar, '_');
            File.Copy(file, Path.Combine(inbox, name));
            if (received.TryGetValue(file, out var at))
                manifest.Append(name).Append(',').Append(at.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            count++;
        }
        // Written last under a dot name and renamed, as uploads are: a watcher never sees files without their manifest.
        var temp = Path.Combine(inbox, "." + InboxIngest.ManifestName);
        File.WriteAllText(temp, manifest.ToString());
        File.Move(temp, Path.Combine(inbox, InboxIngest.ManifestName));
        return count;
    }

    /// <summary>The file beside a warehouse that says a demo made it (and may rebuild it).</summary>
    private static string DemoMark(string dbPath) => dbPath + ".demo";

    /// <summary>What the demo's jobs report as they go, printed on the command's own thread.</summary>
    private sealed record Event(string? Waiting = null, DemoRun? Finished = null);

    /// <summary>
    /// Runs the service's jobs on a job server in this process: ingest now (refresh and publish continue
    /// after it, as in the service), then the reminders and the monthly and annual reports, and stops it.
    /// Returns the runs, or null (after saying why) when a job failed, never ran or did not finish
    /// within <paramref name="timeout"/>.
    /// </summary>
    private static IReadOnlyList<DemoRun>? RunJobs(CommandRun cli, ServiceSettings settings, TimeSpan timeout)
    {
        var en = cli.English;
        // While the jobs run, the demo is the service: other writers are told so, as with `analytics serve`.
        using var serviceLock = ServiceLock.Acquire(settings.Db, "analytics demo", cli.Clock);
        using var events = new BlockingCollection<Event>();
        (int Done, int Total) ingested = (0, 1);
        var running = Task.Run(() =>
        {
            try
            {
                return ServiceEntryPoints.Current.RunDemo(new DemoRequest(settings, cli.Clock, timeout,
                    Waiting: job => events.Add(new Event(Waiting: job)),
                    Finished: run => events.Add(new Event(Finished: run)),
                    IngestProgress: new ReportedNow<(int Done, int Total)>(p => ingested = p)));
            }
            finally
            {
                events.CompleteAdding();
            }
        });
        // The ingest's progress bar until it ends, then each job's line as it ends.
        var first = Terminal.Progress(cli.Error, en ? "ingest" : "nạp", 1, bar =>
        {
            while (!events.IsCompleted)
            {
                if (bar is not null)
                {
                    bar.MaxValue = Math.Max(ingested.Total, 1);
                    bar.Value = ingested.Done;
                }
                if (events.TryTake(out var e, 100) && e.Finished is not null) return e;
            }
            return null;
        });
        if (first is not null) Print(cli, settings, first);
        foreach (var e in events.GetConsumingEnumerable()) Print(cli, settings, e);
        var result = running.GetAwaiter().GetResult();

        foreach (var job in result.Unstopped)
        {
            var label = ServiceJobs.Label(job);
            cli.Error.WriteLine(en
                ? $"analytics demo: job \"{label.En}\" ({job}) did not stop when asked; the job server stops without waiting for it."
                : $"analytics demo: tác vụ «{label.Vi}» ({job}) không dừng khi được yêu cầu; máy chạy tác vụ dừng mà không chờ nó.");
        }
        if (result.Ok) return result.Runs;
        var last = result.Runs[^1];
        cli.Error.WriteLine("analytics demo: " + last.Message(en));
        if (last.TimedOut)
        {
            var limit = DemoRun.Duration(timeout, en);
            cli.Error.WriteLine(en
                ? $"analytics demo: gave up at the time limit ({limit}); give it longer with --timeout MINUTES."
                : $"analytics demo: đã dừng chờ khi hết thời hạn ({limit}); cho thêm thời gian bằng --timeout SỐ_PHÚT.");
        }
        return null;
    }

    /// <summary>A step's heading before its wait, a finished run's line after it.</summary>
    private static void Print(CommandRun cli, ServiceSettings settings, Event e)
    {
        var en = cli.English;
        if (e.Waiting is { } job)
        {
            if (ServiceJobs.Previous(job) is { } after)
            {
                var step = job == ServiceJobs.Refresh ? 4 : 5;
                var label = ServiceJobs.Label(job);
                cli.Out.WriteLine(en
                    ? $"{step}/6 {label.En} (continues after {after})…"
                    : $"{step}/6 {label.Vi} (nối tiếp sau khi {(after == ServiceJobs.Ingest ? "nạp" : "tính lại")})…");
            }
            else if (job == ServiceJobs.Reminders)
            {
                cli.Out.WriteLine(en ? "6/6 Reminders, monthly and annual reports (run now)…" : "6/6 Danh sách nộp muộn, báo cáo tháng và năm (chạy ngay)…");
            }
        }
        if (e.Finished is not { Ok: true } run) return;
        var done = ServiceJobs.Label(run.Job);
        cli.Out.WriteLine($"   {(en ? done.En : done.Vi)}: {(en ? "succeeded" : "thành công")} ({Languages.From(en).Seconds(run.Seconds)}) — {run.Outcome?.In(en)}");
        if (run.Job == ServiceJobs.Ingest) PrintIngest(cli, settings);
    }

    private static void PrintIngest(CommandRun cli, ServiceSettings settings)
    {
        var items = InboxIngest.All(settings).SelectMany(r => r.Submissions).ToList();
        var accepted = items.Count(i => i.Status == SubmissionOutcome.Accepted);
        var refused = items.Count(i => i.Status == SubmissionOutcome.Refused);
        var warnings = items.Sum(i => i.Messages.Count(m => m.Severity == "warning"));
        cli.Out.WriteLine(cli.English
            ? $"   {Language.En.Count(accepted)} submissions accepted, {Language.En.Count(refused)} refused (quarantined, with feedback), {Language.En.Count(warnings)} warnings."
            : $"   {Language.Vi.Count(accepted)} báo cáo được chấp nhận, {Language.Vi.Count(refused)} bị từ chối (đã cách ly, có phản hồi), {Language.Vi.Count(warnings)} cảnh báo.");
    }

    private static void PrintCompleteness(CommandRun cli, DuckDB.NET.Data.DuckDBConnection connection, string period)
    {
        var result = CompletenessReport.Compute(connection, period, cli.Clock.GetUtcNow().UtcDateTime, null);
        cli.Out.WriteLine(cli.English ? $"Completeness {period} (provinces):" : $"Tình hình nộp báo cáo {period} (cấp tỉnh):");
        string[] headers = cli.English
            ? ["unit", "name", "expected", "on time", "late", "missing", "received %"]
            : ["mã", "tên đơn vị", "phải nộp", "đúng hạn", "trễ hạn", "chưa nộp", "% đã nộp"];
        Rows.Write(cli.Out, "table", headers, result.Units.Where(u => u.Level == 1).Select(u =>
            (IReadOnlyList<object?>)[u.UnitCode, u.Name, u.Expected, u.OnTime, u.Late, u.Missing, Rows.Share.Of(u.ReceivedShare)]), Languages.From(cli.English));
    }

    /// <summary>The targets furthest behind across the seed plans, each for its issuing unit.</summary>
    private static void PrintAttainmentGaps(CommandRun cli, DuckDB.NET.Data.DuckDBConnection connection, DateOnly today)
    {
        var attainment = new Attainment(connection);
        var rows = PlanCatalog.Embedded.Plans
            .SelectMany(p => attainment.Evaluate(p.PlanId, null, today))
            .Where(r => r.Status is AttainmentStatus.Missed or AttainmentStatus.AtRisk && r.Ratio is not null)
            .OrderBy(r => r.Ratio)
            .Take(8)
            .ToList();
        cli.Out.WriteLine(cli.English ? "Largest attainment gaps (seed plans, as of today):" : "Các chỉ tiêu còn cách xa nhất (các kế hoạch mẫu, đến hôm nay):");
        string[] headers = cli.English ? ["target", "unit", "status", "actual/target", "target"] : ["chỉ tiêu", "đơn vị", "tình trạng", "đạt/chỉ tiêu", "nội dung"];
        Rows.Write(cli.Out, "table", headers, rows.Select(r => (IReadOnlyList<object?>)[
            r.TargetId, r.UnitCode, r.Status == AttainmentStatus.Missed ? (cli.English ? "missed" : "không đạt") : (cli.English ? "at risk" : "có nguy cơ không đạt"), Languages.From(cli.English).Percent(r.Ratio!.Value),
            Shorten(cli.English ? r.TextEn : r.TextVi, 60)]), Languages.From(cli.English));
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
