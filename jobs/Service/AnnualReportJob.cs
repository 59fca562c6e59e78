using Analytics.Jobs.Operations;
using Hangfire;

namespace Analytics.Jobs.Service;

/// <summary>The annual reports, scorecards and conference packs for the year just ended as of the run (default: 15 January at 06:00).</summary>
[ServiceJob(ServiceJobs.AnnualReport)]
public sealed class AnnualReportJob(ServiceSettings settings, TimeProvider clock)
{
    [Queue(JobQueues.Render), JobDisplayName("annual-report")]
    public Task<JobOutcome> Run(CancellationToken cancellationToken) =>
        Task.FromResult(SnapshotRead.Read(settings, c => ReportOperation.Annual(c, settings, clock), cancellationToken));
}
