using Analytics.Jobs.Operations;
using Quartz;

namespace Analytics.Jobs.Scheduling;

/// <summary>Loads what lies in the inbox; when anything new came in, the listener runs refresh and then publish next.</summary>
[DisallowConcurrentExecution]
public sealed class IngestJob(ServiceSettings settings, WarehouseGate gate, JobProgress progress, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (InboxIngest.Waiting(settings.Inbox).Count == 0)
        {
            context.Result = new JobSummary("hộp thư trống", "the inbox is empty", Changed: false);
            return;
        }
        IReadOnlyList<SubmissionResult> results;
        try
        {
            var report = new ReportedNow<(int Done, int Total)>(p => progress.Report(JobNames.Ingest, p.Done, p.Total));
            results = await gate.Use(w => InboxIngest.Run(w, settings, clock, cancellationToken, report), cancellationToken);
        }
        finally
        {
            progress.Finish(JobNames.Ingest);
        }
        int Count(string status) => results.Count(r => r.Status == status);
        var fresh = results.Count(r => r.Status != SubmissionResult.SeenBefore);
        context.Result = new JobSummary(
            $"{results.Count} tệp: {Count(SubmissionResult.Accepted)} nhận, {Count(SubmissionResult.Partly)} nhận một phần, {Count(SubmissionResult.Refused)} từ chối, {Count(SubmissionResult.SeenBefore)} đã nạp trước đó",
            $"{results.Count} files: {Count(SubmissionResult.Accepted)} accepted, {Count(SubmissionResult.Partly)} partly accepted, {Count(SubmissionResult.Refused)} refused, {Count(SubmissionResult.SeenBefore)} loaded before",
            Changed: fresh > 0);
    }
}
