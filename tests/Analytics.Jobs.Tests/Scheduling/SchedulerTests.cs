using Analytics.Jobs.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Analytics.Jobs.Tests.Scheduling;

public sealed class SchedulerTests
{
    private static async Task<IReadOnlyList<JobRun>> WaitFor(JobHistory history, string job, Func<IReadOnlyList<JobRun>, bool> done)
    {
        for (var i = 0; i < 200; i++)
        {
            var runs = history.For(job);
            if (done(runs)) return runs;
            await Task.Delay(100);
        }
        return history.For(job);
    }

    [Fact]
    public async Task A_failing_job_is_retried_with_backoff_then_recorded_as_failed_with_its_error()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        // The warehouse's folder is a file: every open fails.
        File.WriteAllText(Path.Combine(folder.Root, "blocked"), "");
        s.Db = Path.Combine(folder.Root, "blocked", "warehouse.duckdb");
        using var host = SchedulerHost.Start(s);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(JobNames.Key(JobNames.Publish));
        var runs = await WaitFor(host.Services.GetRequiredService<JobHistory>(), JobNames.Publish, r => r.Any(x => x.Result == JobRun.Failed));
        await host.StopAsync();

        Assert.Equal([JobRun.Retrying, JobRun.Retrying, JobRun.Failed], runs.Select(r => r.Result));
        Assert.Equal([1, 2, 3], runs.Select(r => r.Attempt));
        Assert.All(runs, r => Assert.False(string.IsNullOrWhiteSpace(r.Error)));
        // Backoff: the second wait is about twice the first.
        var gaps = runs.Zip(runs.Skip(1), (a, b) => (b.StartedAt - a.StartedAt).TotalSeconds).ToList();
        Assert.True(gaps[0] >= 0.19 && gaps[1] >= 0.39, string.Join(", ", gaps));
    }

    [Fact]
    public async Task An_ingest_that_brought_a_new_file_runs_refresh_then_publish_after_it()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        File.WriteAllText(Path.Combine(s.Inbox, "late.csv"), "not,a,template\n");
        using var host = SchedulerHost.Start(s);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        await scheduler.TriggerJob(JobNames.Key(JobNames.Ingest));
        var history = host.Services.GetRequiredService<JobHistory>();
        await WaitFor(history, JobNames.Publish, r => r.Count > 0);
        await host.StopAsync();

        var order = history.All().Select(r => (r.Job, r.Result)).ToList();
        Assert.Equal([(JobNames.Ingest, JobRun.Ok), (JobNames.Refresh, JobRun.Ok), (JobNames.Publish, JobRun.Ok)], order);
        Assert.True(File.Exists(s.SnapshotPath));
    }
}
