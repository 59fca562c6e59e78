using Analytics.Warehouse.Refresh;
using Analytics.Warehouse.Plans;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Operations;

/// <summary>`analytics refresh`: the metric tables behind v_rollup, v_trend_yearly and v_attainment rebuilt, with the plans of ANALYTICS_PLANS too.</summary>
public static class MetricsRefresh
{
    /// <summary>Rebuilds the tables as of <paramref name="asOf"/>; <paramref name="progress"/> hears DuckDB's query progress in percent.</summary>
    public static RefreshResult Run(DuckDBConnection connection, DateOnly asOf, IProgress<double>? progress = null) =>
        MetricTables.Refresh(connection, asOf, PlanCatalog.FromEnvironment(), progress);
}
