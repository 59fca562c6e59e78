using Analytics.Jobs.Operations;
using Hangfire;
using Hangfire.Server;

namespace Analytics.Jobs.Service;

/// <summary>Rebuilds the metric tables (after an ingest that brought something new, or on demand); publish continues after it.</summary>
[ServiceJob(ServiceJobs.Refresh)]
public sealed class RefreshJob(WarehouseWriter writer, TimeProvider clock, IBackgroundJobClient jobs)
{
    [JobDisplayName("refresh")]
    public async Task<JobOutcome> Run(PerformContext? context, CancellationToken cancellationToken)
    {
        var outcome = await writer.Use(w => RefreshOperation.Run(w, clock), cancellationToken);
        JobChain.ContinueAfter(context, jobs, ServiceJobs.Refresh, outcome);
        return outcome;
    }
}
