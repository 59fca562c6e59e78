using Analytics.Jobs.Operations;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Analytics.Jobs.Service;

/// <summary>
/// `analytics demo`'s jobs: a Hangfire server in this process on the store the settings name (the demo
/// passes memory), the same jobs and chain as the service. It never waits forever: it follows the runs by
/// id, so a step the one before did not continue with is known at once (that run's next-step parameter is
/// empty), and the time limit covers all of them. Giving up, it deletes the runs still under way (their
/// cancellation token fires), gives them 30 s to return, and stops the server without waiting longer.
/// </summary>
public static class DemoChain
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static DemoResult Run(DemoRequest request)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAnalyticsJobs(request.Settings, request.Clock);
        using var host = builder.Build();
        host.Start();
        var runs = new List<DemoRun>();
        IReadOnlyList<string> unstopped = [];
        var stopBudget = TimeSpan.FromSeconds(30);
        try
        {
            var services = host.Services;
            var control = services.GetRequiredService<JobControl>();
            var storage = services.GetRequiredService<JobStorage>();
            var progress = services.GetRequiredService<JobProgress>();
            var started = request.Clock.GetTimestamp();
            TimeSpan Elapsed() => request.Clock.GetElapsedTime(started);

            string? id = control.RunNow(ServiceJobs.Ingest);
            string? before = null;
            foreach (var job in new[] { ServiceJobs.Ingest, ServiceJobs.Refresh, ServiceJobs.Publish, ServiceJobs.Reminders, ServiceJobs.MonthlyReport, ServiceJobs.AnnualReport })
            {
                request.Waiting?.Invoke(job);
                if (job is ServiceJobs.Reminders or ServiceJobs.MonthlyReport or ServiceJobs.AnnualReport) id = control.RunNow(job);
                var run = id is null
                    ? new DemoRun(job, DemoRunState.NeverRan, Elapsed(), After: before)
                    : Wait(storage, job, id, request.Timeout, Elapsed, job == ServiceJobs.Ingest ? () => Forward(progress, request.IngestProgress) : null);
                runs.Add(run);
                request.Finished?.Invoke(run);
                if (!run.Ok) break;
                if (ServiceJobs.Next(job) is not null)
                {
                    using var connection = storage.GetConnection();
                    id = JobChain.NextOf(connection, id!);
                }
                before = job;
            }
            if (runs[^1].TimedOut)
            {
                unstopped = StopRunning(services, storage, stopBudget, request.Clock);
                stopBudget = TimeSpan.FromSeconds(2);
            }
        }
        finally
        {
            using var stopping = new CancellationTokenSource(stopBudget);
            try
            {
                host.StopAsync(stopping.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // A job that ignored its token is left behind (named in Unstopped) rather than holding the demo.
            }
        }
        return new DemoResult(runs, unstopped);
    }

    private static void Forward(JobProgress progress, IProgress<(int Done, int Total)>? to)
    {
        if (to is not null && progress.Of(ServiceJobs.Ingest) is { } now) to.Report(now);
    }

    /// <summary>Follows one run until it ends or the time limit (counted over the whole chain) is up.</summary>
    private static DemoRun Wait(JobStorage storage, string job, string id, TimeSpan limit, Func<TimeSpan> elapsed, Action? tick)
    {
        while (true)
        {
            tick?.Invoke();
            StateData? state;
            using (var connection = storage.GetConnection()) state = connection.GetStateData(id);
            var data = state?.Data ?? new Dictionary<string, string>();
            switch (state?.Name)
            {
                case "Succeeded":
                    var outcome = data.TryGetValue("Result", out var result) && result is { Length: > 0 } ? SerializationHelper.Deserialize<JobOutcome>(result, SerializationOption.User) : null;
                    var seconds = data.TryGetValue("PerformanceDuration", out var ms) && double.TryParse(ms, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m / 1000 : 0;
                    return new DemoRun(job, DemoRunState.Succeeded, elapsed(), seconds, outcome);
                case "Failed":
                    return new DemoRun(job, DemoRunState.Failed, elapsed(), Error: $"{ShortType(Value(data, "ExceptionType"))}: {Value(data, "ExceptionMessage")}");
                case "Deleted":
                    return new DemoRun(job, DemoRunState.Failed, elapsed(), Error: "deleted: " + state.Reason);
            }
            if (elapsed() >= limit)
            {
                return state?.Name == "Processing"
                    ? new DemoRun(job, DemoRunState.NeverFinished, elapsed(), StartedAt: data.TryGetValue("StartedAt", out var at) ? new DateTimeOffset(JobHelper.DeserializeDateTime(at), TimeSpan.Zero) : null)
                    : new DemoRun(job, DemoRunState.NotStarted, elapsed());
            }
            Thread.Sleep(Poll);
        }
    }

    private static string? ShortType(string? type) => type?[(type.LastIndexOf('.') + 1)..];

    /// <summary>
    /// Deletes every run still queued, scheduled or running (a running one's token fires within the
    /// server's cancellation check) and waits up to <paramref name="grace"/> for their methods to return.
    /// Returns the jobs still running after that: they ignored the request.
    /// </summary>
    public static IReadOnlyList<string> StopRunning(IServiceProvider services, JobStorage storage, TimeSpan grace, TimeProvider clock)
    {
        var client = services.GetRequiredService<IBackgroundJobClient>();
        var running = services.GetRequiredService<RunningJobs>();
        var monitoring = storage.GetMonitoringApi();
        var since = clock.GetTimestamp();
        while (true)
        {
            // Asked again at every look: a run fetched meanwhile is stopped too; deleting twice changes nothing.
            var ids = monitoring.ProcessingJobs(0, 1000).Select(j => j.Key)
                .Concat(monitoring.ScheduledJobs(0, 1000).Select(j => j.Key))
                .Concat(JobQueues.All.SelectMany(q => monitoring.EnqueuedJobs(q, 0, 1000).Select(j => j.Key)));
            foreach (var id in ids) client.Delete(id);
            if (running.Names.Count == 0 || clock.GetElapsedTime(since) >= grace) return running.Names;
            Thread.Sleep(Poll);
        }
    }

    private static string? Value(IDictionary<string, string>? data, string key) => data is not null && data.TryGetValue(key, out var value) ? value : null;
}
