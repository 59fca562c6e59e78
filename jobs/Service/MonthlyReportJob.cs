using Analytics.Jobs.Operations;
using Hangfire;

namespace Analytics.Jobs.Service;

/// <summary>The monthly report of each report unit for the month just ended as of the run (default: the 16th at 06:00).</summary>
[ServiceJob(ServiceJobs.MonthlyReport)]
public sealed class MonthlyReportJob(ServiceSettings settings, TimeProvider clock)
{
    [Queue(JobQueues.Render), JobDisplayName("monthly-report")]
    public Task<JobOutcome> Run(CancellationToken cancellationToken) =>
        Task.FromResult(SnapshotRead.Read(settings, c => ReportOperation.Monthly(c, settings, clock), cancellationToken));
}
