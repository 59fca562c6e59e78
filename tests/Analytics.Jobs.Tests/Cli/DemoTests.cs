using Analytics.Jobs.Operations;
using System.Text.Json;
using Analytics.Jobs.Cli;
using Analytics.Warehouse.Completeness;

namespace Analytics.Jobs.Tests.Cli;

/// <summary>`analytics demo` from an empty folder: the sample goes through the service's own jobs on an in-process Hangfire server.</summary>
public sealed class DemoTests : IDisposable
{
    private readonly TempFolder _temp = new("analytics-demo-");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_demo_never_overwrites_a_warehouse_it_did_not_make_and_ignores_ANALYTICS_DB()
    {
        // A real warehouse (not a demo's) where the demo would put its own.
        var real = Path.Combine(_temp.Path, "warehouse.duckdb");
        using (Analytics.Warehouse.Warehouse.Open(real)) { }
        var before = File.ReadAllBytes(real);
        var error = new StringWriter();
        Assert.Equal(CliApp.Refused, CliApp.Run(["demo", "--out", _temp.Path], new StringWriter(), error, TimeProvider.System));
        Assert.Contains("không do bản chạy thử tạo ra", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(real));
        Assert.Equal(CliApp.Refused, CliApp.Run(["demo", "--out", Path.Combine(_temp.Path, "other"), "--db", real, "--lang", "en"], new StringWriter(), error, TimeProvider.System));
        Assert.Contains("was not made by a demo", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(real));

        // ANALYTICS_DB names the user's warehouse, not the demo's: the demo keeps to its --out (stopped early here).
        var other = Path.Combine(_temp.Path, "elsewhere");
        var run = CliProcess.Run(new Dictionary<string, string> { ["ANALYTICS_DB"] = real }, "demo", "--out", other, "--timeout", "0.001");
        Assert.Equal(CliApp.Refused, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(other, "warehouse.duckdb")), run.Output + run.Error);
        Assert.Equal(before, File.ReadAllBytes(real));
    }

    [Fact]
    public void The_demo_runs_every_job_on_an_in_process_hangfire_server_and_its_figures_match_the_sample_ground_truth()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(["demo", "--out", _temp.Path], output, error, TimeProvider.System);
        Assert.True(exit == CliApp.Ok, $"exit {exit}\n{output}\n{error}");

        // Each of the service's jobs ran once, successfully, ingest → refresh → publish continued in that order.
        var lines = output.ToString().Split('\n');
        var ran = new[] { ServiceJobs.Ingest, ServiceJobs.Refresh, ServiceJobs.Publish, ServiceJobs.Reminders, ServiceJobs.MonthlyReport, ServiceJobs.AnnualReport }
            .Select(job => Array.FindIndex(lines, l => l.StartsWith($"   {ServiceJobs.Label(job).Vi}: thành công (", StringComparison.Ordinal)))
            .ToList();
        Assert.DoesNotContain(-1, ran);
        Assert.Equal(ran.Order(), ran);
        Assert.All(ServiceJobs.All, job => Assert.Single(lines, l => l.StartsWith($"   {ServiceJobs.Label(job).Vi}: ", StringComparison.Ordinal)));
        Assert.True(File.Exists(Path.Combine(_temp.Path, "warehouse.duckdb.demo")));

        // The inbox was emptied file by file into processed/ and refused/, and its manifest retired.
        var sample = Path.Combine(_temp.Path, "sample");
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sample, "expected.json")));
        var inbox = Path.Combine(_temp.Path, "inbox");
        Assert.Empty(InboxIngest.Waiting(inbox));
        Assert.False(File.Exists(Path.Combine(inbox, InboxIngest.ManifestName)));
        var moved = Directory.GetFiles(Path.Combine(inbox, InboxIngest.ProcessedFolder)).Count(Analytics.Etl.Ingest.Ingestor.IsSubmissionFile)
            + Directory.GetFiles(Path.Combine(inbox, InboxIngest.RefusedFolder)).Length;
        Assert.Equal(expected.RootElement.GetProperty("files").GetProperty("total").GetInt32(), moved);

        using var database = DuckDbDatabase.Open(Path.Combine(_temp.Path, "warehouse.duckdb"), new DuckDbOptions { ReadOnly = true });
        using var c = database.Connect();
        var submissions = expected.RootElement.GetProperty("submissions");
        Assert.Equal(submissions.GetProperty("refused").GetInt64(), c.Scalar<long>("SELECT count(*) FROM submission WHERE status = 'refused'"));

        // Receipt times came through the inbox's manifest: on time, late and missing per quarter are the generator's.
        var asOf = DateTime.UtcNow;
        foreach (var period in expected.RootElement.GetProperty("completeness").GetProperty("by_period").EnumerateArray())
        {
            var code = period.GetProperty("period").GetString()!;
            var national = Assert.Single(CompletenessReport.Compute(c, code, asOf, null).Units, u => u.Level == 0);
            Assert.Equal(
                (period.GetProperty("on_time").GetInt64(), period.GetProperty("late").GetInt64(), period.GetProperty("missing").GetInt64()),
                (national.OnTime, national.Late, national.Missing));
        }

        // What the report jobs published, and the read-only snapshot for analysts.
        var reports = Path.Combine(_temp.Path, "reports");
        Assert.NotEmpty(Directory.GetFiles(reports, "bao-cao-thang-TLD-*.xlsx", SearchOption.AllDirectories));
        Assert.NotEmpty(Directory.GetFiles(reports, "bao-cao-nam-TLD-*.xlsx", SearchOption.AllDirectories));
        // A scorecard for each plan with targets for last year and data: not 001 (2021 only) nor 003 (no targets).
        var year = DateTime.UtcNow.Year - 1;
        var scorecards = Directory.GetFiles(reports, "chi-tieu-ke-hoach-*.xlsx", SearchOption.AllDirectories).Select(f => Path.GetFileName(f)[..21]).Order().ToList();
        var planned = Analytics.Warehouse.Plans.PlanCatalog.Embedded.Plans
            .Where(p => p.Targets.Any(t => t.Measured && t.FromYear <= year && year <= t.ToYear)).Select(p => $"chi-tieu-ke-hoach-{p.PlanId}").Order().ToList();
        Assert.Equal(planned, scorecards);
        Assert.DoesNotContain("chi-tieu-ke-hoach-003", scorecards);
        Assert.Single(Directory.GetFiles(reports, "index.html", SearchOption.AllDirectories));
        Assert.True(File.Exists(Path.Combine(_temp.Path, "published", "warehouse.duckdb")));
        Assert.Contains(Path.Combine(_temp.Path, "warehouse.duckdb"), output.ToString(), StringComparison.Ordinal);
    }
}
