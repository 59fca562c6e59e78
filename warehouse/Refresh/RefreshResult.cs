namespace Analytics.Warehouse.Refresh;

/// <summary>What <see cref="MetricTables.Refresh"/> built: rows of the per-unit yearly table and of the rollup, targets evaluated, and the time it took.</summary>
public sealed record RefreshResult(long LeafRows, long RollupRows, long AttainmentRows, TimeSpan Elapsed);
