using Analytics.Etl.Ingest;
using Analytics.Etl.Registry;
using Analytics.Etl.Sample;
using Analytics.Reports;
using Analytics.Reports.Charts;
using Analytics.Warehouse.Completeness;
using Analytics.Warehouse.Metrics;
using Analytics.Warehouse.Plans;

namespace Analytics.Jobs.Cli;

/// <summary>
/// `analytics demo`: the main job end to end on a generated sample organisation — generate,
/// load the registry, ingest every submission with its simulated receipt time, and summarise.
/// </summary>
public static class DemoCommand
{
    public static readonly CommandSpec Spec = new(
        "demo",
        "Run the main job end to end on a generated sample organisation and print a summary",
        "./analytics demo [--db PATH] [--out DIR] [--scale small|national]",
        [
            new("--out", "DIR", "where the sample and outputs go", Default: "./data/demo"),
            new("--scale", "small|national", "sample size", Default: "small"),
        ],
        Run,
        "Starts from scratch each time: the demo's warehouse (default ./data/demo/warehouse.duckdb unless --db is given) is rebuilt.");

    private static int Run(Invocation cli)
    {
        var en = cli.English;
        var output = Path.GetFullPath(cli.Get("--out")!);
        var scale = cli.Get("--scale") == "national" ? SampleScale.National : SampleScale.Small;
        var dbPath = cli.Has("--db") || Environment.GetEnvironmentVariable("ANALYTICS_DB") is { Length: > 0 } ? cli.DbPath : Path.Combine(output, "warehouse.duckdb");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var sampleDir = Path.Combine(output, "sample");
        if (Directory.Exists(sampleDir)) Directory.Delete(sampleDir, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(dbPath))!);
        foreach (var stale in new[] { dbPath, dbPath + ".wal" }) File.Delete(stale);

        cli.Out.WriteLine(en ? "1/5 Generating the sample organisation…" : "1/5 Tạo dữ liệu mẫu…");
        var today = DateOnly.FromDateTime(cli.Clock.GetLocalNow().DateTime);
        var summary = SampleCommand.Generate(cli, scale, sampleDir, SampleOptions.DefaultSeed, today);
        SampleCommand.Print(cli, summary);

        using var warehouse = Analytics.Warehouse.Warehouse.Open(dbPath, clock: cli.Clock);
        using var connection = warehouse.Connect();
        Invocation.SyncCatalogs(connection);

        cli.Out.WriteLine(en ? "2/5 Loading the unit registry…" : "2/5 Nạp danh mục đơn vị…");
        var registry = UnitRegistryImport.Import(connection, Path.Combine(sampleDir, "units.csv"));
        if (registry.Refused)
        {
            foreach (var issue in registry.Issues) cli.Error.WriteLine(issue.Format("units.csv", en));
            return CliApp.Refused;
        }
        cli.Out.WriteLine(en ? $"   {registry.Added:N0} registry rows." : $"   {registry.Added:N0} dòng danh mục.");

        cli.Out.WriteLine(en ? "3/5 Ingesting submissions with their receipt times…" : "3/5 Nạp báo cáo theo thời điểm nhận…");
        var submissions = Path.Combine(sampleDir, "submissions");
        var ingestor = new Ingestor(connection, new IngestOptions
        {
            Manifest = ReceiptManifest.Read(Path.Combine(submissions, "manifest.csv")),
            QuarantineDirectory = Path.Combine(output, "quarantine"),
            FeedbackDirectory = Path.Combine(output, "feedback"),
            English = en,
        }, cli.Clock);
        var files = ingestor.Expand([submissions]);
        var outcomes = new List<FileOutcome>(files.Count);
        using (var progress = new ProgressLine(cli.Error, files.Count, en ? "ingest" : "nạp"))
        {
            outcomes.AddRange(ingestor.IngestFiles(files, new InlineProgress<int>(done => progress.Report(done))));
        }
        var accepted = outcomes.Sum(o => o.Accepted);
        var refused = outcomes.Sum(o => o.Refused);
        cli.Out.WriteLine(en
            ? $"   {files.Count:N0} files: {accepted:N0} submissions accepted, {refused:N0} refused (quarantined, with feedback), {outcomes.Sum(o => o.Warnings):N0} warnings, {outcomes.Sum(o => o.Values):N0} values."
            : $"   {files.Count:N0} tệp: {accepted:N0} báo cáo được chấp nhận, {refused:N0} bị từ chối (đã cách ly, có phản hồi), {outcomes.Sum(o => o.Warnings):N0} cảnh báo, {outcomes.Sum(o => o.Values):N0} giá trị.");

        cli.Out.WriteLine(en ? "4/5 Refreshing metrics and plan attainment…" : "4/5 Tính lại chỉ số và mức đạt chỉ tiêu…");
        var refresh = Metrics.Refresh(connection, today);
        cli.Out.WriteLine(en ? $"   done in {refresh.Elapsed.TotalSeconds:N1} s." : $"   xong trong {refresh.Elapsed.TotalSeconds:N1} giây.");

        cli.Out.WriteLine(en ? "5/5 Publishing reports…" : "5/5 Xuất báo cáo…");
        var reports = PublishReports(cli, connection, Path.Combine(output, "reports"), today);

        cli.Out.WriteLine();
        PrintCompleteness(cli, connection, summary.LastQuarter);
        cli.Out.WriteLine();
        PrintAttainmentGaps(cli, connection, today);
        cli.Out.WriteLine();
        cli.Out.WriteLine(en ? $"Warehouse: {dbPath}" : $"Kho dữ liệu: {dbPath}");
        cli.Out.WriteLine(en ? $"Sample files: {sampleDir}" : $"Tệp mẫu: {sampleDir}");
        cli.Out.WriteLine(en ? $"Reports ({reports.Count} files): {Path.Combine(output, "reports")}" : $"Báo cáo ({reports.Count} tệp): {Path.Combine(output, "reports")}");
        cli.Out.WriteLine(en ? $"Refused files and feedback: {Path.Combine(output, "quarantine")}, {Path.Combine(output, "feedback")}" : $"Tệp bị từ chối và phản hồi: {Path.Combine(output, "quarantine")}, {Path.Combine(output, "feedback")}");
        cli.Out.WriteLine(en ? $"Try: ./analytics completeness --period {summary.LastQuarter} --unit HNI --db {dbPath}" : $"Thử: ./analytics completeness --period {summary.LastQuarter} --unit HNI --db {dbPath}");
        cli.Out.WriteLine(en ? $"Done in {started.Elapsed.TotalSeconds:N0} s." : $"Hoàn thành trong {started.Elapsed.TotalSeconds:N0} giây.");
        return CliApp.Ok;
    }

    private static void PrintCompleteness(Invocation cli, Analytics.Warehouse.DuckDb.DuckDbConnection connection, string period)
    {
        var result = CompletenessReport.Compute(connection, period, cli.Clock.GetUtcNow().UtcDateTime, null);
        cli.Out.WriteLine(cli.English ? $"Completeness {period} (provinces):" : $"Tình hình nộp báo cáo {period} (cấp tỉnh):");
        string[] headers = cli.English
            ? ["unit", "name", "expected", "on time", "late", "missing", "received %"]
            : ["mã", "tên đơn vị", "phải nộp", "đúng hạn", "trễ hạn", "chưa nộp", "% đã nộp"];
        TextTable.Write(cli.Out, "table", headers, result.Units.Where(u => u.Level == 1).Select(u =>
            (IReadOnlyList<object?>)[u.UnitCode, u.Name, u.Expected, u.OnTime, u.Late, u.Missing, Math.Round(100 * u.ReceivedShare, 1)]));
    }

    /// <summary>
    /// The national monthly report (last month) and annual report (last full year), a scorecard
    /// per seed plan, and Thanh Hóa's conference pack (it carries plan 002's charts).
    /// </summary>
    private static List<string> PublishReports(Invocation cli, Analytics.Warehouse.DuckDb.DuckDbConnection connection, string folder, DateOnly today)
    {
        var en = cli.English;
        var publisher = new ReportPublisher(connection, cli.Clock, en);
        var lastMonth = today.AddDays(1 - today.Day).AddMonths(-1);
        var month = $"{lastMonth.Year}-{lastMonth.Month:00}";
        var year = (today.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var written = new List<string>
        {
            publisher.Monthly("TLD", month, folder),
            publisher.Annual("TLD", year, folder),
        };
        foreach (var plan in PlanCatalog.Embedded.Plans) written.Add(publisher.Plan(plan.PlanId, null, year, folder));
        using (var worker = new ChartWorker())
            written.AddRange(publisher.Conference("THA", year, null, Path.Combine(folder, "conference-THA-" + year), worker));
        foreach (var file in written.Where(f => f.EndsWith(".xlsx", StringComparison.Ordinal) || f.EndsWith("index.html", StringComparison.Ordinal)))
            cli.Out.WriteLine("   " + file);
        return written;
    }

    /// <summary>The targets furthest behind across the seed plans, each for its issuing unit.</summary>
    private static void PrintAttainmentGaps(Invocation cli, Analytics.Warehouse.DuckDb.DuckDbConnection connection, DateOnly today)
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
        TextTable.Write(cli.Out, "table", headers, rows.Select(r => (IReadOnlyList<object?>)[
            r.TargetId, r.UnitCode, Attainment.Code(r.Status), Math.Round(100 * r.Ratio!.Value, 1),
            Shorten(cli.English ? r.TextEn : r.TextVi, 60)]));
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
