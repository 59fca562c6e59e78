using Analytics.Jobs.Operations;
using System.Diagnostics;
using Analytics.Jobs.Cli;
using Analytics.Jobs.Scheduling;
using Analytics.Jobs.Tests.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Analytics.Jobs.Tests.Cli;

/// <summary>
/// The demo's wait for the scheduler's jobs ends, with the job named, when a job never runs or never
/// finishes: the real scheduler and jobs, the trouble made with the service's own behaviour.
/// </summary>
public sealed class DemoWaitTests
{
    /// <summary>Every test gives up on its own long before this; reaching it means the wait hung.</summary>
    private static readonly TimeSpan Hung = TimeSpan.FromMinutes(2);

    private static async Task<(IScheduler Scheduler, JobHistory History)> Parts(IHost host) =>
        (await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(), host.Services.GetRequiredService<JobHistory>());

    [Fact]
    public async Task A_chained_job_the_listener_never_triggers_is_reported_as_never_run_within_seconds_instead_of_awaited_forever()
    {
        using var folder = new ServiceFolder();
        // An empty inbox: ingest succeeds having changed nothing, so the listener rightly chains no refresh.
        using var host = SchedulerHost.Start(folder.Settings);
        var (scheduler, history) = await Parts(host);
        var wait = new JobWait(scheduler, history, TimeSpan.FromMinutes(5), TimeProvider.System);
        await scheduler.TriggerJob(JobNames.Key(JobNames.Ingest));
        var ingest = await wait.For(JobNames.Ingest).WaitAsync(Hung);
        Assert.Equal(JobRun.Ok, ingest.Run?.Result);

        var watch = Stopwatch.StartNew();
        var refresh = await wait.For(JobNames.Refresh).WaitAsync(Hung);
        watch.Stop();
        await host.StopAsync();

        Assert.Null(refresh.Run);
        Assert.Equal(JobStall.NeverRan, refresh.Stall);
        // Given up once nothing ran or was due for the grace period, not at the five-minute limit.
        Assert.InRange(watch.Elapsed, wait.IdleGrace, TimeSpan.FromSeconds(30));
        Assert.StartsWith("tác vụ «Tính lại số liệu» (refresh) không chạy: không có tác vụ nào đang chạy hay được lên lịch sẽ chạy nó", refresh.Message(english: false), StringComparison.Ordinal);
        Assert.StartsWith("job \"Refresh metrics\" (refresh) never ran: nothing is running or scheduled that would run it", refresh.Message(english: true), StringComparison.Ordinal);
        Assert.Empty(history.For(JobNames.Refresh));
    }

    [Fact]
    public async Task A_job_that_never_finishes_is_given_up_at_the_time_limit_named_as_unfinished_and_stopped_on_request()
    {
        using var folder = new ServiceFolder();
        folder.Settings.Retry = new RetrySettings { Attempts = 1 };
        using var host = SchedulerHost.Start(folder.Settings);
        var (scheduler, history) = await Parts(host);
        // Another user of the warehouse holds it and does not let go: refresh waits for it and never ends.
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var gate = host.Services.GetRequiredService<WarehouseGate>();
        var holder = Task.Run(() => gate.Use(_ =>
        {
            held.Set();
            return release.Wait(Hung);
        }, CancellationToken.None));
        Assert.True(held.Wait(TimeSpan.FromSeconds(30)), "the warehouse was not taken");
        var limit = TimeSpan.FromSeconds(3);
        var wait = new JobWait(scheduler, history, limit, TimeProvider.System);
        try
        {
            await scheduler.TriggerJob(JobNames.Key(JobNames.Refresh));
            var watch = Stopwatch.StartNew();
            var refresh = await wait.For(JobNames.Refresh).WaitAsync(Hung);
            watch.Stop();

            Assert.Null(refresh.Run);
            Assert.Equal(JobStall.NeverFinished, refresh.Stall);
            Assert.InRange(watch.Elapsed, limit - TimeSpan.FromMilliseconds(500), limit + TimeSpan.FromSeconds(15));
            Assert.NotNull(refresh.StartedAt);
            Assert.Matches(@"^tác vụ «Tính lại số liệu» \(refresh\) đã bắt đầu lúc \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC nhưng chưa kết thúc sau 3(\.\d)? giây chờ\.$", refresh.Message(english: false));
            Assert.Matches(@"^job ""Refresh metrics"" \(refresh\) started at .+ UTC but had not finished after waiting 3(\.\d)? s\.$", refresh.Message(english: true));

            // Asked to stop, the waiting refresh ends (recorded as failed), and the scheduler then stops promptly.
            Assert.Empty(await wait.StopRunning(TimeSpan.FromSeconds(20)).WaitAsync(Hung));
            var run = Assert.Single(history.For(JobNames.Refresh));
            Assert.Equal((JobRun.Failed, JobRunListener.InterruptedError), (run.Result, run.Error));
            await host.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            release.Set();
            await holder;
        }
    }

    [Fact]
    public async Task The_demo_gives_up_with_the_job_named_in_Vietnamese_stops_its_scheduler_and_exits_with_status_1_when_the_time_limit_passes()
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
        Assert.Contains("3/6 Khởi động bộ lập lịch", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("4/6", output.ToString(), StringComparison.Ordinal);
        // The scheduler stopped and let go of the warehouse: the service lock is released. Ingest was stopped
        // (recorded as interrupted) or never started, rather than left to run on after the demo gave up.
        Assert.Null(ServiceLock.Find(Path.Combine(folder, "warehouse.duckdb")));
        Assert.All(new JobHistory(Path.Combine(folder, "jobs", "history.jsonl")).All(), r => Assert.Equal((JobNames.Ingest, JobRun.Failed, JobRunListener.InterruptedError), (r.Job, r.Result, r.Error)));
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
