using Analytics.Jobs.Operations;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;

namespace Analytics.Jobs.Service;

/// <summary>
/// Ingest → refresh → publish as Hangfire continuations. A step that changed something creates, at its
/// very end, its next step as a continuation of itself: Hangfire starts it once this run has succeeded.
/// A step that fails for good therefore has no next step waiting behind it (none stays Awaiting); the
/// chain stops there, visibly (its error on the Jobs page and the Dashboard), and re-queueing the failed
/// run continues the chain from it. The id of the next step is kept in the run's parameter
/// <see cref="NextParameter"/>, so a run retried after a crash does not create a second one.
/// </summary>
public static class JobChain
{
    public const string NextParameter = "analytics-next";

    public static void ContinueAfter(PerformContext? context, IBackgroundJobClient jobs, string job, JobOutcome outcome)
    {
        if (context is null || !outcome.Changed || ServiceJobs.Next(job) is not { } next) return;
        if (!string.IsNullOrEmpty(context.GetJobParameter<string>(NextParameter))) return;
        var id = context.BackgroundJob.Id;
        var created = next switch
        {
            ServiceJobs.Refresh => jobs.ContinueJobWith<RefreshJob>(id, j => j.Run(null, CancellationToken.None), options: JobContinuationOptions.OnlyOnSucceededState),
            ServiceJobs.Publish => jobs.ContinueJobWith<PublishJob>(id, j => j.Run(null, CancellationToken.None), options: JobContinuationOptions.OnlyOnSucceededState),
            _ => throw new InvalidOperationException($"no job class for {next}"),
        };
        context.SetJobParameter(NextParameter, created);
    }

    /// <summary>The next step a run of the chain created, or null when it continued with none.</summary>
    public static string? NextOf(IStorageConnection connection, string id) =>
        connection.GetJobParameter(id, NextParameter) is { Length: > 0 } raw ? SerializationHelper.Deserialize<string>(raw) : null;
}
