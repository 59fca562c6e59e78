using Analytics.Jobs.Operations;
using Analytics.Jobs.Tests.Cluster;
using Hangfire.Storage;

namespace Analytics.Jobs.Tests.Service;

/// <summary>The default SQLite store across restarts: runs missed while down, and runs cut short by a dead process.</summary>
public sealed class MissedRunTests
{
    private static async Task WaitUntil(Func<bool> done, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (!done() && DateTime.UtcNow < until) await Task.Delay(100);
    }

    private static RecurringJobDto Recurring(JobsHost host, string name)
    {
        using var connection = host.Storage.GetConnection();
        return connection.GetRecurringJobs().Single(r => r.Id == name);
    }

    /// <summary>The service's runs of <paramref name="job"/> that succeeded, with the number of times each was started.</summary>
    private static List<(string Id, int Starts)> Succeeded(JobsHost host, string job)
    {
        var monitoring = host.Storage.GetMonitoringApi();
        return [.. monitoring.SucceededJobs(0, 1000)
            .Where(p => ServiceJobAttribute.Of(p.Value?.Job?.Type) == job)
            .Select(p => (p.Key, monitoring.JobDetails(p.Key).History.Count(h => h.StateName == "Processing")))];
    }

    [Fact]
    public async Task A_cron_run_missed_while_the_service_was_down_runs_once_after_the_restart_and_the_schedule_goes_on()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        s.Store = "sqlite";
        // A daily cron whose only time today lies a few seconds ahead, in the service's time zone.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(s.TimeZone);
        var now = DateTimeOffset.UtcNow;
        var due = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(8);
        var local = TimeZoneInfo.ConvertTime(due, zone);
        s.Schedules.Ingest = $"{local.Second} {local.Minute} {local.Hour} * * ?";

        using (var first = JobsHost.Start(s))
        {
            Assert.Equal(due.UtcDateTime, Recurring(first, ServiceJobs.Ingest).NextExecution);
            await first.Stop();
        }
        Assert.True(DateTimeOffset.UtcNow < due, "the first start took too long to stop before the run was due");

        // Down while the run was due.
        await Task.Delay(due - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2));

        using var second = JobsHost.Start(s);
        await WaitUntil(() => Succeeded(second, ServiceJobs.Ingest).Count > 0, TimeSpan.FromSeconds(20));
        // Time for a wrong second catch-up run to show.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(Succeeded(second, ServiceJobs.Ingest));
        Assert.Equal(due.AddDays(1).UtcDateTime, Recurring(second, ServiceJobs.Ingest).NextExecution);
        await second.Stop();
    }

    [Fact]
    public async Task A_load_cut_short_by_a_killed_service_is_handed_back_at_restart_run_again_from_the_start_and_kept_once()
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

        // Restarted (in this process, no fault): the run the dead process had fetched is handed back and run again.
        s.Schedules.Ingest = "0 0 3 * * ?";
        using (var restarted = JobsHost.Start(s))
        {
            await WaitUntil(() => Succeeded(restarted, ServiceJobs.Publish).Count > 0, TimeSpan.FromSeconds(60));
            // Every run the dead process had fetched (the one it died in, and any waiting for the writer) ran again.
            Assert.Contains(Succeeded(restarted, ServiceJobs.Ingest), r => r.Starts >= 2);
            // Nothing stays Processing: runs handed back after the one that loaded (they find the inbox empty) finish too.
            var monitoring = restarted.Storage.GetMonitoringApi();
            await WaitUntil(() => monitoring.ProcessingCount() == 0, TimeSpan.FromSeconds(30));
            Assert.Equal(0, monitoring.ProcessingCount());
            await restarted.Stop();
        }
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
