using System.Diagnostics;
using Analytics.Warehouse.Figures;
using Analytics.Warehouse.Store;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Refresh;

/// <summary>
/// The stored tables figures are read from (metric_leaf, metric_leaf_carried, the two bridges, the as-is
/// rollup, metric_refresh and metric_attainment): rebuilt from the facts and the registry with the same SQL
/// the figures engine computes other periods with (<see cref="MetricSql"/>), and fresh while the stamp of
/// the facts and registry they were built from is unchanged.
/// </summary>
public static class MetricTables
{
    /// <summary>What the registry and the facts looked like; a refresh is fresh while this is unchanged.</summary>
    // The first part names the layout of the metric tables: bump it when Refresh builds them differently,
    // so tables built by an older version count as stale and are rebuilt.
    private const string StampSql = """
        SELECT concat_ws(':', 'tables-4',
            (SELECT coalesce(max(submission_id), 0) FROM submission),
            (SELECT count(*) FROM submission WHERE is_current),
            (SELECT count(*) FROM fact_value),
            (SELECT count(*) FROM dim_unit),
            (SELECT coalesce(sum(hash(unit_code, parent_code, valid_from, valid_to, successor_code, sector, level)), 0) FROM dim_unit),
            (SELECT count(*) FROM dim_indicator))
        """;

    /// <summary>
    /// Rebuilds the metric tables from the facts and the registry, in one transaction: metric_leaf (one
    /// value per unit, indicator and whole year, plus the year-to-date periods of the latest year),
    /// metric_leaf_carried (the carry-forward stand-ins of those periods),
    /// metric_asis_bridge, metric_aswas_bridge, metric_asis_rollup, and records the state they were built
    /// from in metric_refresh. When <paramref name="attainmentAsOf"/> is given, also fills metric_attainment
    /// with every target of <paramref name="plans"/> for its issuer as of that date (v_attainment).
    /// Call after every ingest or registry import; `analytics refresh` does. <paramref name="progress"/>
    /// hears the share done (0 to 100): each statement's part from DuckDB's own estimate.
    /// </summary>
    public static RefreshResult Refresh(DuckDBConnection connection, DateOnly? attainmentAsOf = null, Plans.PlanCatalog? plans = null, IProgress<double>? progress = null)
    {
        var clock = Stopwatch.StartNew();
        var stamp = connection.Scalar<string>(StampSql)!;
        var periods = MaterializedPeriods(connection);
        // One step per period's leaves, the two bridges and the rollup; attainment is the last.
        var steps = periods.Count + 3 + (attainmentAsOf is null ? 0 : 1);
        var step = 0;
        void Run(string sql)
        {
            if (progress is null) connection.Execute(sql);
            else connection.Execute(sql, new StepProgress(progress, step, steps));
            step++;
        }
        using (RefreshSettings.Apply(connection))
        using (var tx = connection.BeginTransaction())
        {
            connection.Execute("DELETE FROM metric_leaf");
            connection.Execute("DELETE FROM metric_leaf_carried");
            connection.Execute("DELETE FROM metric_asis_bridge");
            connection.Execute("DELETE FROM metric_aswas_bridge");
            connection.Execute("DELETE FROM metric_asis_rollup");
            connection.Execute("DELETE FROM metric_refresh");
            // One period at a time: the leaf query's intermediates (every fact of the period, windowed)
            // then hold one period's facts, not all of them at once, which is what bounded the peak
            // memory (7.3 GiB on the national sample in one statement). Each period's rows are written
            // sorted by indicator, so metric_leaf is clustered by (period, indicator) and a question
            // about a few indicators or periods skips most row groups by their min/max.
            foreach (var period in periods)
            {
                var selected = $"SELECT * FROM dim_period WHERE period_code = {MetricSql.Literal(period)}";
                Run($"""
                    INSERT INTO metric_leaf
                    SELECT * FROM ({MetricSql.Leaf(selected)})
                    ORDER BY indicator_code, unit_code
                    """);
            }
            if (periods.Count > 0)
            {
                var selected = $"SELECT * FROM dim_period WHERE period_code IN ({MetricSql.List(periods)})";
                connection.Execute($"INSERT INTO metric_leaf_carried SELECT * FROM ({MetricSql.Carried(selected)}) ORDER BY indicator_code, unit_code");
            }
            // The as-was bridge holds the (unit, date) pairs of both leaf tables, so carried values roll up as-was too.
            if (periods.Count > 0) Run($"INSERT INTO metric_aswas_bridge {MetricSql.AsWasBridge("SELECT period_code, unit_code, indicator_code, sector, level, on_date, value FROM metric_leaf UNION ALL SELECT period_code, unit_code, indicator_code, sector, level, on_date, value FROM metric_leaf_carried")}");
            else step++;
            Run($"INSERT INTO metric_asis_bridge {MetricSql.AsIsBridge}");
            Run($"INSERT INTO metric_asis_rollup {MetricSql.AsIsRollup}");
            connection.Execute("INSERT INTO metric_refresh VALUES ($1, $2, now()::TIMESTAMP)", stamp, string.Join(',', periods));
            tx.Commit();
        }
        long attainmentRows = 0;
        if (attainmentAsOf is { } asOf)
        {
            progress?.Report(100.0 * step / steps);
            // Qualified: inside Analytics.Warehouse the simple name Attainment is the namespace.
            attainmentRows = new Attainment.Attainment(connection, plans).Materialize(asOf);
        }
        progress?.Report(100);
        var leafRows = connection.Scalar<long>("SELECT count(*) FROM metric_leaf");
        var bridgeRows = connection.Scalar<long>("SELECT count(*) FROM metric_aswas_bridge") + connection.Scalar<long>("SELECT count(*) FROM metric_asis_bridge");
        return new RefreshResult(leafRows, bridgeRows, attainmentRows, clock.Elapsed);
    }

    /// <summary>Whether metric_leaf reflects the current facts and registry.</summary>
    public static bool IsFresh(DuckDBConnection connection) =>
        connection.Scalar<string>("SELECT max(stamp) FROM metric_refresh") == connection.Scalar<string>(StampSql);

    // Every year from the first to the last with a fact, and the year-to-date periods (Q1, H1, 9M) of
    // the last one, which attainment reads while a year runs.
    private static List<string> MaterializedPeriods(DuckDBConnection connection)
    {
        return connection.Query<string>("""
            WITH years AS (
                SELECT min(p.year) AS first_year, max(p.year) AS last_year
                FROM (SELECT DISTINCT period_id FROM fact_value) f JOIN dim_period p USING (period_id)
            )
            SELECT d.period_code FROM dim_period d, years
            WHERE (d.period_type = 'year' AND d.year BETWEEN years.first_year AND years.last_year)
               OR (d.year = years.last_year AND d.period_code IN (d.year || '-Q1', d.year || '-H1', d.year || '-9M'))
            ORDER BY d.start_date, d.end_date
            """).AsList();
    }

    /// <summary>
    /// The periods the tables hold when they are fresh; otherwise refreshes them first (a writable
    /// connection) or returns none, so every figure is computed from the facts (read-only).
    /// </summary>
    internal static HashSet<string> EnsureFresh(DuckDBConnection connection)
    {
        if (!IsFresh(connection))
        {
            try
            {
                Refresh(connection);
            }
            catch (System.Data.Common.DbException)
            {
                return [];
            }
        }
        var list = connection.Scalar<string>("SELECT max(periods) FROM metric_refresh") ?? "";
        return list.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>One statement's progress as its share of the whole refresh.</summary>
    private sealed class StepProgress(IProgress<double> whole, int step, int steps) : IProgress<double>
    {
        public void Report(double value) => whole.Report((step + (value / 100)) * 100 / steps);
    }
}
