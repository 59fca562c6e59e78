using System.Diagnostics;
using Analytics.Jobs.Cli;
using Analytics.Jobs.Operations;
using Analytics.Jobs.Service;
using Analytics.Jobs.Tests.Service;

namespace Analytics.Jobs.Tests.Cli;

/// <summary>
/// The demo's wait for its jobs ends, with the job named, when a job never runs or never finishes: the
/// real Hangfire server and jobs, the trouble made with the service's own behaviour.
/// </summary>
public sealed class DemoWaitTests
{
    /// <summary>Every test gives up on its own long before this; reaching it means the wait hung.</summary>
    private static readonly TimeSpan Hung = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_step_the_one_before_did_not_continue_with_is_reported_as_never_run_at_once_instead_of_awaited()
    {
        using var folder = new ServiceFolder();
        // An empty inbox: ingest succeeds having changed nothing, so it rightly continues with no refresh.
        var watch = Stopwatch.StartNew();
        var result = await Task.Run(() => DemoChain.Run(new DemoRequest(folder.Settings, TimeProvider.System, TimeSpan.FromMinutes(5)))).WaitAsync(Hung);
        watch.Stop();

        Assert.Equal([ServiceJobs.Ingest, ServiceJobs.Refresh], result.Runs.Select(r => r.Job));
        Assert.Equal(DemoRunState.Succeeded, result.Runs[0].State);
        var refresh = result.Runs[1];
        Assert.Equal(DemoRunState.NeverRan, refresh.State);
        // Known as soon as ingest ended, not at the five-minute limit.
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.StartsWith("tác vụ «Tính lại số liệu» (refresh) không chạy: tác vụ «Nạp báo cáo từ hộp thư đến» (ingest) trước nó đã xong mà không có gì mới", refresh.Message(english: false), StringComparison.Ordinal);
        Assert.StartsWith("job \"Refresh metrics\" (refresh) never ran: the job before it, \"Ingest the inbox\" (ingest), finished with nothing new", refresh.Message(english: true), StringComparison.Ordinal);
        Assert.Empty(result.Unstopped);
    }

    [Fact]
    public async Task A_job_that_never_finishes_is_given_up_at_the_time_limit_named_as_unfinished_and_stopped_on_request()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        s.Retry = new RetrySettings { Attempts = 1 };
        File.WriteAllText(Path.Combine(s.Inbox, "a.csv"), "nothing,useful\n");
        // Another process reads the warehouse with a query that does not end: ingest waits for the file and never ends.
        // Made in another process too, so that this one has never opened the file.
        var units = Path.Combine(folder.Root, "units.csv");
        File.WriteAllText(units, SmallRegistry.Csv.Replace("\r\n", "\n", StringComparison.Ordinal));
        var made = CliProcess.Run(null, "units", "import", units, "--db", s.Db);
        Assert.True(made.ExitCode == 0, made.Error);
        using var reader = LongReader(s.Db);
        DemoResult result;
        var limit = TimeSpan.FromSeconds(3);
        var watch = Stopwatch.StartNew();
        try
        {
            result = await Task.Run(() => DemoChain.Run(new DemoRequest(s, TimeProvider.System, limit))).WaitAsync(Hung);
        }
        finally
        {
            watch.Stop();
            reader.Kill(entireProcessTree: true);
        }

        var ingest = Assert.Single(result.Runs);
        Assert.Equal(DemoRunState.NeverFinished, ingest.State);
        Assert.NotNull(ingest.StartedAt);
        Assert.Matches(@"^tác vụ «Nạp báo cáo từ hộp thư đến» \(ingest\) đã bắt đầu lúc \d\d/\d\d/\d{4} \d\d:\d\d \(giờ Việt Nam, UTC\+07:00\) nhưng chưa kết thúc sau 3,\d\u00A0giây chờ\.$", ingest.Message(english: false));
        Assert.Matches(@"^job ""Ingest the inbox"" \(ingest\) started at \d{4}-\d\d-\d\d \d\d:\d\d \(Vietnam time, UTC\+07:00\) but had not finished after waiting 3\.\d\u00A0s\.$", ingest.Message(english: true));
        // Asked to stop, the waiting ingest ended on its token and the server stopped promptly.
        Assert.Empty(result.Unstopped);
        Assert.InRange(watch.Elapsed, limit, limit + TimeSpan.FromSeconds(30));
        Assert.True(File.Exists(Path.Combine(s.Inbox, "a.csv")));
    }

    /// <summary>`analytics sql` in another process over <paramref name="db"/>, with a query that runs for minutes; returns once it holds the file.</summary>
    private static Process LongReader(string db)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "analytics.dll"), "sql", "SELECT sum(a * b) FROM range(100000000000) t(a), range(10) u(b)", "--db", db })
            start.ArgumentList.Add(a);
        start.Environment.Remove("ANALYTICS_DB");
        var process = Process.Start(start)!;
        // Held once the process has the file open (DuckDB takes its lock as it opens it).
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var fds = $"/proc/{process.Id}/fd";
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                if (Directory.EnumerateFiles(fds).Any(fd => new FileInfo(fd).LinkTarget == db)) return process;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process is starting or ending.
            }
            Thread.Sleep(100);
        }
        var error = process.HasExited ? process.StandardError.ReadToEnd() : "";
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the reader never held the warehouse: " + error);
    }

    [Fact]
    public async Task The_demo_gives_up_with_the_job_named_in_Vietnamese_stops_its_server_and_exits_with_status_1_when_the_time_limit_passes()
    {
        using var temp = new TempFolder("analytics-demo-wait-");
        var folder = temp.Path;
        var output = new StringWriter();
        var error = new StringWriter();
        // A limit far shorter than ingesting the sample takes.
        var exit = await Task.Run(() => CliApp.Run(["demo", "--out", folder, "--timeout", "0.001"], output, error, TimeProvider.System)).WaitAsync(TimeSpan.FromMinutes(4));

        Assert.True(exit == CliApp.Refused, $"exit {exit}\n{output}\n{error}");
        var message = error.ToString();
        Assert.Contains("analytics demo: tác vụ «Nạp báo cáo từ hộp thư đến» (ingest) ", message, StringComparison.Ordinal);
        Assert.Contains("--timeout", message, StringComparison.Ordinal);
        Assert.Contains("3/6 Khởi động máy chạy tác vụ", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("4/6", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("không dừng khi được yêu cầu", message, StringComparison.Ordinal);
        // The server stopped and let go of the warehouse: the service lock is released.
        Assert.Null(ServiceLock.Find(Path.Combine(folder, "warehouse.duckdb")));
    }

    [Fact]
    public void A_timeout_that_is_not_a_positive_number_of_minutes_is_a_usage_error_and_the_help_documents_the_option()
    {
        var error = new StringWriter();
        Assert.Equal(CliApp.Usage, CliApp.Run(["demo", "--out", Path.Combine(Path.GetTempPath(), "never-created"), "--timeout", "0", "--lang", "en"], new StringWriter(), error, TimeProvider.System));
        Assert.Contains("--timeout must be a number of minutes above 0", error.ToString(), StringComparison.Ordinal);

        var help = new StringWriter();
        Assert.Equal(CliApp.Ok, CliApp.Run(["demo", "--help", "--lang", "en"], help, new StringWriter(), TimeProvider.System));
        Assert.Contains("--timeout MINUTES", help.ToString(), StringComparison.Ordinal);
    }
}
