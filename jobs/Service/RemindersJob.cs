using Analytics.Jobs.Operations;
using Hangfire;

namespace Analytics.Jobs.Service;

/// <summary>Writes the late and missing units of the periods whose deadline passed last, as of the moment it runs.</summary>
[ServiceJob(ServiceJobs.Reminders)]
public sealed class RemindersJob(ServiceSettings settings, WarehouseWriter writer, TimeProvider clock)
{
    [JobDisplayName("reminders")]
    public async Task<JobOutcome> Run(CancellationToken cancellationToken)
    {
        var written = await writer.Use(w =>
        {
            using var connection = w.Connect();
            return Reminders.Run(connection, settings, clock.GetUtcNow().UtcDateTime);
        }, cancellationToken);
        return new JobOutcome(
            written.Count == 0 ? "chưa có kỳ nào quá hạn" : string.Join("; ", written.Select(r => $"{r.PeriodCode}: {r.Late} muộn, {r.Missing} chưa nộp")),
            written.Count == 0 ? "no deadline has passed yet" : string.Join("; ", written.Select(r => $"{r.PeriodCode}: {r.Late} late, {r.Missing} missing")),
            Changed: written.Count > 0);
    }
}
