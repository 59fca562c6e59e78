using Analytics.Jobs.Operations;
using Hangfire;
using Hangfire.Server;

namespace Analytics.Jobs.Service;

/// <summary>Loads what lies in the inbox; when anything new came in, refresh continues after it.</summary>
[ServiceJob(ServiceJobs.Ingest)]
public sealed class IngestJob(ServiceSettings settings, WarehouseWriter writer, JobProgress progress, TimeProvider clock, IBackgroundJobClient jobs)
{
    [JobDisplayName("ingest")]
    public async Task<JobOutcome> Run(PerformContext? context, CancellationToken cancellationToken)
    {
        if (InboxIngest.Waiting(settings.Inbox).Count == 0) return new JobOutcome("hộp thư trống", "the inbox is empty", Changed: false);
        IReadOnlyList<SubmissionResult> results;
        try
        {
            results = await writer.Use(w => InboxIngest.Run(w, settings, clock, cancellationToken, progress.For(ServiceJobs.Ingest)), cancellationToken);
        }
        finally
        {
            progress.Finish(ServiceJobs.Ingest);
        }
        int Count(string status) => results.Count(r => r.Status == status);
        var outcome = new JobOutcome(
            $"{results.Count} tệp: {Count(SubmissionResult.Accepted)} nhận, {Count(SubmissionResult.Partly)} nhận một phần, {Count(SubmissionResult.Refused)} từ chối, {Count(SubmissionResult.SeenBefore)} đã nạp trước đó",
            $"{results.Count} files: {Count(SubmissionResult.Accepted)} accepted, {Count(SubmissionResult.Partly)} partly accepted, {Count(SubmissionResult.Refused)} refused, {Count(SubmissionResult.SeenBefore)} loaded before",
            Changed: results.Any(r => r.Status != SubmissionResult.SeenBefore));
        JobChain.ContinueAfter(context, jobs, ServiceJobs.Ingest, outcome);
        return outcome;
    }
}
