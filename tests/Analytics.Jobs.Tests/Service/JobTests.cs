using Analytics.Jobs.Operations;
using Analytics.Jobs.Service;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Jobs.Tests.Service;

/// <summary>The service's jobs on a real Hangfire server (in-memory store) over real warehouses.</summary>
public sealed class JobTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static List<Hangfire.Storage.Monitoring.StateHistoryDto> History(JobsHost host, string id) =>
        [.. host.Storage.GetMonitoringApi().JobDetails(id).History.OrderBy(h => h.CreatedAt)];

    [Fact]
    public async Task A_failing_job_is_retried_with_backoff_then_kept_failed_with_its_error_and_can_be_run_again()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        // The warehouse's folder is a file: every open fails.
        File.WriteAllText(Path.Combine(folder.Root, "blocked"), "");
        s.Db = Path.Combine(folder.Root, "blocked", "warehouse.duckdb");
        using var host = JobsHost.Start(s);
        var id = host.Control.RunNow(ServiceJobs.Publish);
        var failed = await host.WaitFor(id, Limit, "Failed");

        // Three runs in all (Attempts = 3), the waits between them 1 s then 2 s (Hangfire's schedule counts in
        // whole seconds, so each may start up to a second early), and the last error kept.
        var starts = History(host, id).Where(h => h.StateName == "Processing").Select(h => h.CreatedAt).ToList();
        Assert.Equal(3, starts.Count);
        var gaps = starts.Zip(starts.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        Assert.True(gaps[1] >= 1 && gaps[1] > gaps[0] + 0.5, string.Join(", ", gaps));
        Assert.False(string.IsNullOrWhiteSpace(failed.Data["ExceptionMessage"]));

        // Run again by hand (the page's button, the Dashboard's Requeue): it runs, and here fails again, error kept.
        var failedAt = History(host, id).Last(h => h.StateName == "Failed").CreatedAt;
        Assert.True(host.Client.Requeue(id));
        var until = DateTime.UtcNow + Limit;
        bool RanAgain() => History(host, id) is var h && h.Any(x => x.StateName == "Processing" && x.CreatedAt > failedAt) && h[^1].StateName == "Failed";
        while (!RanAgain() && DateTime.UtcNow < until) await Task.Delay(50);
        Assert.True(RanAgain());
    }

    [Fact]
    public async Task An_ingest_that_brought_a_new_file_continues_with_refresh_then_publish_and_an_ingest_with_nothing_new_with_nothing()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        File.WriteAllText(Path.Combine(s.Inbox, "late.csv"), "not,a,template\n");
        using var host = JobsHost.Start(s);
        var ingest = host.Control.RunNow(ServiceJobs.Ingest);
        await host.WaitFor(ingest, Limit, "Succeeded");
        var refresh = Assert.IsType<string>(host.Next(ingest));
        await host.WaitFor(refresh, Limit, "Succeeded");
        var publish = Assert.IsType<string>(host.Next(refresh));
        await host.WaitFor(publish, Limit, "Succeeded");
        // Continuations, in that order: each step waited (Awaiting) for the one before it, and started after it.
        var histories = new[] { ingest, refresh, publish }.Select(id => History(host, id)).ToList();
        Assert.Equal("Awaiting", histories[1][0].StateName);
        Assert.Equal("Awaiting", histories[2][0].StateName);
        var started = histories.Select(h => h.Single(x => x.StateName == "Processing").CreatedAt).ToList();
        Assert.Equal(started.Order(), started);
        Assert.True(File.Exists(s.SnapshotPath));

        // Idempotent: the same bytes again give the same single result; an ingest that found nothing continues with nothing.
        File.WriteAllText(Path.Combine(s.Inbox, "late.csv"), "not,a,template\n");
        await host.WaitFor(host.Control.RunNow(ServiceJobs.Ingest), Limit, "Succeeded");
        var empty = host.Control.RunNow(ServiceJobs.Ingest);
        var state = await host.WaitFor(empty, Limit, "Succeeded");
        Assert.False(Hangfire.Common.SerializationHelper.Deserialize<JobOutcome>(state.Data["Result"], Hangfire.Common.SerializationOption.User).Changed);
        Assert.Null(host.Next(empty));
        Assert.Single(InboxIngest.All(s));
    }

    [Fact]
    public async Task A_refresh_that_fails_for_good_leaves_no_step_waiting_and_running_it_again_continues_the_chain()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        s.Retry = new RetrySettings { Attempts = 1 };
        var real = s.Db;
        File.WriteAllText(Path.Combine(folder.Root, "blocked"), "");
        s.Db = Path.Combine(folder.Root, "blocked", "warehouse.duckdb");
        using var host = JobsHost.Start(s);
        var refresh = host.Control.RunNow(ServiceJobs.Refresh);
        await host.WaitFor(refresh, Limit, "Failed");
        // No publish was created, so none is left Awaiting a parent that will never succeed.
        Assert.Null(host.Next(refresh));
        var monitoring = host.Storage.GetMonitoringApi();
        Assert.Equal(0, monitoring.EnqueuedCount(JobQueues.Default) + monitoring.ScheduledCount() + monitoring.ProcessingCount());

        // The cause is fixed and the failed run is run again: it succeeds and publish continues after it.
        s.Db = real;
        Assert.True(host.Client.Requeue(refresh));
        await host.WaitFor(refresh, Limit, "Succeeded");
        var publish = Assert.IsType<string>(host.Next(refresh));
        await host.WaitFor(publish, Limit, "Succeeded");
        Assert.True(File.Exists(s.SnapshotPath));
    }

    [Fact]
    public async Task A_job_that_finds_the_warehouse_writer_busy_goes_back_on_the_schedule_without_using_a_retry_and_runs_once_it_is_free()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        s.Retry = new RetrySettings { Attempts = 1 };
        using var host = JobsHost.Start(s);
        var writer = host.Services.GetRequiredService<WarehouseWriter>();
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = Task.Run(() => writer.Use(_ =>
        {
            held.Set();
            return release.Wait(Limit);
        }, CancellationToken.None));
        Assert.True(held.Wait(Limit));
        var publish = host.Control.RunNow(ServiceJobs.Publish);
        var waiting = await host.WaitFor(publish, Limit, "Scheduled");
        Assert.Equal(new WarehouseBusyException().Message, waiting.Reason);
        // No worker is held while it waits.
        Assert.Empty(host.Services.GetRequiredService<RunningJobs>().Names);
        release.Set();
        Assert.True(await holder);
        await host.WaitFor(publish, Limit, "Succeeded");
        using var connection = host.Storage.GetConnection();
        Assert.Null(connection.GetJobParameter(publish, "RetryCount"));
    }

    [Fact]
    public async Task A_running_job_that_is_deleted_stops_on_its_cancellation_token()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        using var host = JobsHost.Start(s);
        // Someone else holds the warehouse file in this process: refresh waits for it inside the writer.
        var gate = host.Services.GetRequiredService<WarehouseGate>();
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = Task.Run(() => gate.Use(_ =>
        {
            held.Set();
            return release.Wait(Limit);
        }, CancellationToken.None));
        Assert.True(held.Wait(Limit));
        try
        {
            var refresh = host.Control.RunNow(ServiceJobs.Refresh);
            await host.WaitFor(refresh, Limit, "Processing");
            var running = host.Services.GetRequiredService<RunningJobs>();
            // The state turns Processing a moment before the server filter sees the run start.
            var until = DateTime.UtcNow + Limit;
            while (running.Names.Count == 0 && DateTime.UtcNow < until) await Task.Delay(20);
            Assert.Equal([ServiceJobs.Refresh], running.Names);
            var asked = DateTime.UtcNow;
            Assert.True(host.Client.Delete(refresh));
            while (running.Names.Count > 0 && DateTime.UtcNow - asked < TimeSpan.FromSeconds(20)) await Task.Delay(50);
            Assert.Empty(running.Names);
            Assert.True(DateTime.UtcNow - asked < TimeSpan.FromSeconds(10), "the token fired late");
            Assert.Equal("Deleted", host.State(refresh)?.Name);
        }
        finally
        {
            release.Set();
            await holder;
        }
    }

    [Fact]
    public async Task Pausing_a_schedule_holds_across_a_restart_and_resuming_puts_the_configured_cron_back()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        s.Store = "sqlite";
        RecurringJobDto Monthly(JobsHost host)
        {
            using var connection = host.Storage.GetConnection();
            return connection.GetRecurringJobs().Single(r => r.Id == ServiceJobs.MonthlyReport);
        }
        using (var first = JobsHost.Start(s))
        {
            Assert.Equal(s.Schedules.MonthlyReport, Monthly(first).Cron);
            Assert.NotNull(Monthly(first).NextExecution);
            first.Control.Pause(ServiceJobs.MonthlyReport);
            Assert.Null(Monthly(first).NextExecution);
            await first.Stop();
        }
        using var second = JobsHost.Start(s);
        Assert.Equal([ServiceJobs.MonthlyReport], second.Control.Paused());
        Assert.Null(Monthly(second).NextExecution);
        second.Control.Resume(ServiceJobs.MonthlyReport);
        Assert.Empty(second.Control.Paused());
        Assert.Equal(s.Schedules.MonthlyReport, Monthly(second).Cron);
        Assert.NotNull(Monthly(second).NextExecution);
        await second.Stop();
    }
}
