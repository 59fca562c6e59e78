using Analytics.Jobs.Operations;
using Quartz;

namespace Analytics.Jobs.Scheduling;

/// <summary>
/// Records every run in the history, retries a failed run with exponential backoff (a one-off trigger
/// carrying the attempt number), and chains the next job after a run that changed something:
/// ingest → refresh (when it exists) → publish.
/// </summary>
public sealed class JobRunListener(ServiceSettings settings, JobHistory history, TimeProvider clock) : IJobListener
{
    public const string AttemptKey = "attempt";

    /// <summary>The error kept for a run interrupted before it finished.</summary>
    public const string InterruptedError = "Interrupted: the run was asked to stop before it finished.";

    public string Name => "analytics-runs";

    /// <summary>The job to run after each job that changed something.</summary>
    public static string? Next(string job) => job switch
    {
        JobNames.Ingest => JobNames.Refresh,
        JobNames.Refresh => JobNames.Publish,
        _ => null,
    };

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        var job = context.JobDetail.Key.Name;
        var attempt = context.MergedJobDataMap.TryGetValue(AttemptKey, out var a) && a is not null ? Convert.ToInt32(a, System.Globalization.CultureInfo.InvariantCulture) : 1;
        // Quartz records an interrupted run that stopped on its token as cancelled, with no exception; it did not
        // finish, so it is a failure here (named as such), and not retried: someone asked it to stop.
        var interrupted = jobException is null && context.Outcome == ExecutionOutcome.Cancelled;
        var failed = jobException is not null || interrupted;
        var retry = jobException is not null && attempt < settings.Retry.Attempts;
        var summary = context.Result as JobSummary;
        history.Add(new JobRun(
            job,
            context.FireInstanceId,
            context.ScheduledFireTimeUtc,
            context.FireTimeUtc,
            Math.Round(context.JobRunTime.TotalSeconds, 3),
            !failed ? JobRun.Ok : retry ? JobRun.Retrying : JobRun.Failed,
            interrupted ? InterruptedError : failed ? Describe(jobException!) : null,
            summary?.Text,
            attempt,
            context.Scheduler.SchedulerInstanceId,
            context.Recovering,
            summary?.TextEn));

        if (retry)
        {
            var delay = settings.Retry.DelayBefore(attempt + 1);
            var trigger = TriggerBuilder.Create()
                .WithIdentity($"retry-{job}-{Guid.NewGuid():N}", JobNames.Group)
                .ForJob(context.JobDetail.Key)
                .UsingJobData(AttemptKey, attempt + 1)
                .StartAt(clock.GetUtcNow() + delay)
                .Build();
            await context.Scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken);
        }
        else if (!failed && summary is { Changed: true } && Next(job) is { } next)
        {
            await context.Scheduler.TriggerJob(JobNames.Key(next), cancellationToken);
        }
    }

    private static string Describe(JobExecutionException e)
    {
        var inner = e.InnerException ?? e;
        while (inner is AggregateException { InnerException: { } i }) inner = i;
        return $"{inner.GetType().Name}: {inner.Message}";
    }
}
