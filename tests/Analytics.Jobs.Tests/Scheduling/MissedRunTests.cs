using Analytics.Jobs.Operations;
using Analytics.Jobs.Scheduling;
using Analytics.Jobs.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Analytics.Jobs.Tests.Scheduling;

/// <summary>The default SQLite store across restarts: runs missed while down, and runs cut short by a dead process.</summary>
public sealed class MissedRunTests
{
    private static async Task WaitUntil(Func<bool> done, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (!done() && DateTime.UtcNow < until) await Task.Delay(100);
    }

    [Fact]
    public async Task A_cron_run_missed_while_the_service_was_down_fires_once_after_the_restart()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        s.Store = "sqlite";
        // A daily cron whose only fire time today lies a few seconds ahead, in the service's time zone.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone);
        var now = DateTimeOffset.UtcNow;
        var due = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(8);
        var local = TimeZoneInfo.ConvertTime(due, zone);
        s.Schedules.Ingest = $"{local.Second} {local.Minute} {local.Hour} * * ?";
        var history = new JobHistory(s.HistoryPath);

        using (var first = SchedulerHost.Start(s))
        {
            var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var trigger = await scheduler.GetTrigger(new TriggerKey(JobNames.Ingest + "-schedule", JobNames.Group));
            Assert.Equal(due, trigger!.NextFireTimeUtc);
            await first.StopAsync();
        }
        Assert.True(DateTimeOffset.UtcNow < due, "the first start took too long to stop before the fire time");

        // Down while the run was due.
        await Task.Delay(due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2));
        Assert.Empty(history.For(JobNames.Ingest));

        using var second = SchedulerHost.Start(s);
        await WaitUntil(() => history.For(JobNames.Ingest).Count > 0, TimeSpan.FromSeconds(20));
        // Time for a wrong second or third catch-up run to show.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var scheduler2 = await second.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var next = (await scheduler2.GetTrigger(new TriggerKey(JobNames.Ingest + "-schedule", JobNames.Group)))!.NextFireTimeUtc;
        await second.StopAsync();

        var run = Assert.Single(history.For(JobNames.Ingest));
        Assert.Equal(due, run.ScheduledAt);
        Assert.Equal(JobRun.Ok, run.Result);
        Assert.Equal(due.AddDays(1), next);
    }

    [Fact]
    public async Task A_load_cut_short_by_a_dead_service_is_recovered_at_restart_run_from_the_start_and_kept_once()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        s.Store = "sqlite";
        SmallRegistry.Load(s);
        var file = Path.Combine(s.Inbox, "q2.csv");
        const string Csv = "unit_code,period,indicator,value\nGLM-PRV,2024-Q2,workers,75\nGLM-PRV,2024-Q2,members,60\n";
        File.WriteAllText(file, Csv);

        // The real service, dying (as with kill -9) halfway through the load.
        using (var dying = new ServeProcess(s.Db, FreePort.Next(), new Dictionary<string, string>
        {
            ["Analytics__Inbox"] = s.Inbox,
            ["Analytics__Output"] = s.Output,
            ["Analytics__Store"] = "sqlite",
            ["Analytics__Schedules__Ingest"] = "* * * * * ?",
            ["Analytics__Schedules__Reminders"] = "",
            ["ANALYTICS_FAULT"] = "ingest-mid-write",
        }))
        {
            Assert.True(await dying.WaitForExit(TimeSpan.FromSeconds(60)), "the service did not reach the fault:\n" + dying.Output);
            Assert.NotEqual(0, dying.ExitCode);
        }
        Assert.True(File.Exists(file));
        Assert.Equal((0L, 0L), SmallRegistry.Count(s, "GLM-PRV", "2024-Q2"));

        // Restarted (in this process, no fault): the cut-short run is recovered from the store and run again.
        s.Schedules.Ingest = "0 0 3 * * ?";
        var history = new JobHistory(s.HistoryPath);
        using (var restarted = SchedulerHost.Start(s))
        {
            await WaitUntil(() => history.For(JobNames.Ingest).Any(r => r.Recovered) && history.For(JobNames.Publish).Count > 0, TimeSpan.FromSeconds(60));
            await restarted.StopAsync();
        }
        var recovered = Assert.Single(history.For(JobNames.Ingest), r => r.Recovered);
        Assert.Equal(JobRun.Ok, recovered.Result);
        Assert.True(File.Exists(Path.Combine(s.Inbox, InboxIngest.ProcessedFolder, "q2.csv")));
        Assert.Equal((1L, 2L), SmallRegistry.Count(s, "GLM-PRV", "2024-Q2"));

        // Idempotent: the same bytes again (as a second recovery of the same run would see them) change nothing.
        File.WriteAllText(file, Csv);
        using (var warehouse = Analytics.Warehouse.Warehouse.Open(s.Db))
        {
            var again = Assert.Single(InboxIngest.Run(warehouse, s, TimeProvider.System, CancellationToken.None));
            Assert.Equal(SubmissionResult.Accepted, again.Status);
        }
        Assert.Equal((1L, 2L), SmallRegistry.Count(s, "GLM-PRV", "2024-Q2"));
        Assert.Single(InboxIngest.All(s));
    }
}
