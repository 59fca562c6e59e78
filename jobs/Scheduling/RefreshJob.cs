using Analytics.Jobs.Operations;
using Analytics.Warehouse.Metrics;
using Quartz;

namespace Analytics.Jobs.Scheduling;

/// <summary>Rebuilds the metric tables after new data (the same call `analytics refresh` makes), attainment as of today.</summary>
[DisallowConcurrentExecution]
public sealed class RefreshJob(WarehouseGate gate, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var result = await gate.Use(w =>
        {
            using var connection = w.Connect();
            var plans = Analytics.Warehouse.Plans.PlanCatalog.FromEnvironment();
            return Metrics.Refresh(connection, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), plans);
        }, cancellationToken);
        context.Result = new JobSummary(
            $"{result.LeafRows:N0} dòng số liệu, {result.AttainmentRows:N0} dòng mức đạt chỉ tiêu, {result.Elapsed.TotalSeconds:0.0} giây",
            $"{result.LeafRows:N0} metric rows, {result.AttainmentRows:N0} attainment rows, {result.Elapsed.TotalSeconds:0.0} s",
            Changed: true);
    }
}
