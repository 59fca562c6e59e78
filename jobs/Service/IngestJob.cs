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
        var all = results.Count;
        int Count(string status) => results.Count(r => r.Status == status);
        var (accepted, partly, refused, seen) = (Count(SubmissionResult.Accepted), Count(SubmissionResult.Partly), Count(SubmissionResult.Refused), Count(SubmissionResult.SeenBefore));
        var (vi, en) = (Language.Vi, Language.En);
        var outcome = new JobOutcome(
            $"{vi.Count(all)} tệp: {vi.Count(accepted)} nhận, {vi.Count(partly)} nhận một phần, {vi.Count(refused)} từ chối, {vi.Count(seen)} đã nạp trước đó",
            $"{en.Count(all)} files: {en.Count(accepted)} accepted, {en.Count(partly)} partly accepted, {en.Count(refused)} refused, {en.Count(seen)} loaded before",
            Changed: results.Any(r => r.Status != SubmissionResult.SeenBefore));
        JobChain.ContinueAfter(context, jobs, ServiceJobs.Ingest, outcome);
        return outcome;
    }
}
