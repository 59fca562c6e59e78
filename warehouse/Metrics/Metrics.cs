using Analytics.Warehouse.DuckDb;

namespace Analytics.Warehouse.Metrics;

/// <summary>
/// Figures over the unit hierarchy and time, by the rules in docs/analyst-guide.md: sums of the units
/// at the indicator's reporting level in the subtree; flows add up over non-overlapping sub-periods,
/// stocks take the latest report of each unit still active at the period's end; rates are ratios of
/// sums; as-is or as-was. Reads the tables built by <see cref="Refresh"/> and rebuilds them first when
/// they are stale and the connection can write.
/// </summary>
public sealed partial class Metrics(DuckDbConnection connection)
{
    /// <summary>The connection the figures are read from.</summary>
    public DuckDbConnection Connection { get; } = connection;

    /// <summary>The figure of <paramref name="indicator"/> for the subtree of <paramref name="unitCode"/> in <paramref name="periodCode"/>
    /// (any period code: 2024, 2024-Q1, 2024-H1, 2024-9M, 2024-03). <paramref name="sectors"/> keeps only grassroots unions
    /// of those sectors; <paramref name="minWorkers"/> only grassroots unions with at least that many workers at period end.</summary>
    public MetricValue Get(string indicator, string unitCode, string periodCode, Hierarchy hierarchy = Hierarchy.AsIs,
        IReadOnlyList<string>? sectors = null, int? minWorkers = null) =>
        throw new NotImplementedException();

    /// <summary>One figure per child of <paramref name="unitCode"/> in that hierarchy (as-is: today's children; as-was:
    /// the children on the period's last day), for rankings and by-child tables. Ordered by unit code.</summary>
    public IReadOnlyList<MetricValue> ForChildren(string indicator, string unitCode, string periodCode, Hierarchy hierarchy = Hierarchy.AsIs,
        IReadOnlyList<string>? sectors = null) =>
        throw new NotImplementedException();

    /// <summary>Yearly figures from <paramref name="fromYear"/> to <paramref name="toYear"/> with year-on-year change.
    /// <paramref name="likeForLike"/> keeps only units active over the whole window.</summary>
    public IReadOnlyList<TrendPoint> Trend(string indicator, string unitCode, int fromYear, int toYear, Hierarchy hierarchy = Hierarchy.AsIs,
        bool likeForLike = false, IReadOnlyList<string>? sectors = null) =>
        throw new NotImplementedException();

    /// <summary>Rebuilds the metric tables (metric_leaf_year, metric_year, metric_unit_place, metric_refresh) from the
    /// facts and the registry. Call after every ingest or registry import; `analytics refresh` does.</summary>
    public static RefreshResult Refresh(DuckDbConnection connection) => throw new NotImplementedException();
}
