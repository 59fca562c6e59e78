using Analytics.Warehouse.Vocabulary;
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
        string Vi(string? status) => Language.Vi.Count(status is null ? results.Count : results.Count(r => r.Status == status));
        string En(string? status) => Language.En.Count(status is null ? results.Count : results.Count(r => r.Status == status));
        var outcome = new JobOutcome(
            $"{Vi(null)} tệp: {Vi(SubmissionResult.Accepted)} nhận, {Vi(SubmissionResult.Partly)} nhận một phần, {Vi(SubmissionResult.Refused)} từ chối, {Vi(SubmissionResult.SeenBefore)} đã nạp trước đó",
            $"{En(null)} files: {En(SubmissionResult.Accepted)} accepted, {En(SubmissionResult.Partly)} partly accepted, {En(SubmissionResult.Refused)} refused, {En(SubmissionResult.SeenBefore)} loaded before",
            Changed: results.Any(r => r.Status != SubmissionResult.SeenBefore));
        JobChain.ContinueAfter(context, jobs, ServiceJobs.Ingest, outcome);
        return outcome;
    }
}
