using Analytics.Warehouse.Vocabulary;

namespace Analytics.Jobs.Operations;

/// <summary>Rebuilds the metric tables after new data, attainment as of today: the same call `analytics refresh` makes.</summary>
public static class RefreshOperation
{
    public static JobOutcome Run(Analytics.Warehouse.Warehouse warehouse, TimeProvider clock)
    {
        using var connection = warehouse.Connect();
        // The same refresh as `analytics refresh`, attainment as of today in Vietnam.
        var result = MetricsRefresh.Run(connection, new VietnamClock(clock).Today);
        return new JobOutcome(
            $"{Language.Vi.Count(result.LeafRows)} dòng số liệu, {Language.Vi.Count(result.AttainmentRows)} dòng mức đạt chỉ tiêu, {Language.Vi.Seconds(result.Elapsed.TotalSeconds)}",
            $"{Language.En.Count(result.LeafRows)} metric rows, {Language.En.Count(result.AttainmentRows)} attainment rows, {Language.En.Seconds(result.Elapsed.TotalSeconds)}",
            Changed: true);
    }
}
