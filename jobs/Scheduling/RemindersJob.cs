using Analytics.Jobs.Operations;
using Quartz;

namespace Analytics.Jobs.Scheduling;

/// <summary>Writes the late and missing units of the periods whose deadline passed last.</summary>
[DisallowConcurrentExecution]
public sealed class RemindersJob(ServiceSettings settings, WarehouseGate gate, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var written = await gate.Use(w =>
        {
            using var connection = w.Connect();
            return Reminders.Run(connection, settings, clock.GetUtcNow().UtcDateTime);
        }, cancellationToken);
        context.Result = new JobSummary(
            written.Count == 0 ? "chưa có kỳ nào quá hạn" : string.Join("; ", written.Select(r => $"{r.PeriodCode}: {r.Late} muộn, {r.Missing} chưa nộp")),
            written.Count == 0 ? "no deadline has passed yet" : string.Join("; ", written.Select(r => $"{r.PeriodCode}: {r.Late} late, {r.Missing} missing")),
            Changed: written.Count > 0);
    }
}
