using Analytics.Warehouse.Metrics;

namespace Analytics.Jobs.Operations;

/// <summary>Rebuilds the metric tables after new data, attainment as of today: the same call `analytics refresh` makes.</summary>
public static class RefreshOperation
{
    public static JobOutcome Run(Analytics.Warehouse.Warehouse warehouse, TimeProvider clock)
    {
        using var connection = warehouse.Connect();
        var plans = Analytics.Warehouse.Plans.PlanCatalog.FromEnvironment();
        var result = Metrics.Refresh(connection, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), plans);
        return new JobOutcome(
            $"{result.LeafRows:N0} dòng số liệu, {result.AttainmentRows:N0} dòng mức đạt chỉ tiêu, {result.Elapsed.TotalSeconds:0.0} giây",
            $"{result.LeafRows:N0} metric rows, {result.AttainmentRows:N0} attainment rows, {result.Elapsed.TotalSeconds:0.0} s",
            Changed: true);
    }
}
