using Quartz;

namespace Analytics.Jobs.Scheduling;

/// <summary>Loads what lies in the inbox; when anything new came in, the listener runs publish (and refresh, once it exists) next.</summary>
[DisallowConcurrentExecution]
public sealed class IngestJob(ServiceSettings settings, WarehouseGate gate, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        if (InboxIngest.Waiting(settings.Inbox).Count == 0)
        {
            context.Result = new JobSummary("hộp thư trống", Changed: false);
            return;
        }
        var results = await gate.Use(w => InboxIngest.Run(w, settings, clock, cancellationToken), cancellationToken);
        var fresh = results.Count(r => r.Status != SubmissionResult.SeenBefore);
        context.Result = new JobSummary(
            $"{results.Count} tệp: {results.Count(r => r.Status == SubmissionResult.Accepted)} nhận, {results.Count(r => r.Status == SubmissionResult.Partly)} nhận một phần, {results.Count(r => r.Status == SubmissionResult.Refused)} từ chối, {results.Count(r => r.Status == SubmissionResult.SeenBefore)} đã nạp trước đó",
            Changed: fresh > 0);
    }
}
