using Analytics.Warehouse.Vocabulary;
using Analytics.Warehouse.Refresh;
using Analytics.Warehouse.Store;
using Dapper;

namespace Analytics.Warehouse.Figures;

public sealed partial class Metrics
{
    /// <summary>
    /// The stock <paramref name="indicator"/> for the subtree of <paramref name="unitCode"/> in
    /// <paramref name="periodCode"/> under both stock rules, with the units behind each part. The same
    /// leaf rows and bridges as every other figure (stored periods read the refresh tables, others are
    /// computed with the same SQL), so <see cref="CarriedFigure.Reported"/> equals <see cref="Get"/>'s value
    /// and the totals equal v_rollup_carry_forward's.
    /// </summary>
    public CarriedFigure CarryForward(string indicator, string unitCode, string periodCode, Hierarchy hierarchy = Hierarchy.AsIs)
    {
        CheckUnit(unitCode);
        CheckPeriod(periodCode);
        var quarters = Connection.Scalar<int?>("SELECT carry_forward_quarters FROM dim_indicator WHERE indicator_code = $1 AND kind = 'stock'", indicator);
        if (quarters is null)
            throw new ArgumentException($"'{indicator}' is not a stock with a carry-forward option (carry_forward_quarters in docs/indicators.md).");
        _materialized ??= MetricTables.EnsureFresh(Connection);
        var stored = _materialized.Contains(periodCode);
        var selected = $"SELECT * FROM dim_period WHERE period_code = {MetricSql.Literal(periodCode)}";
        const string Columns = "period_code, unit_code, indicator_code, sector, level, on_date, value";
        var leaf = stored
            ? $"SELECT {Columns}, false AS carried FROM metric_leaf WHERE period_code = {MetricSql.Literal(periodCode)} AND indicator_code IN ({MetricSql.List([indicator, "cdcs_active"])})"
            : $"SELECT {Columns}, false AS carried FROM ({MetricSql.Leaf(selected, MetricSql.ReportedCodes([indicator, "cdcs_active"]))})";
        var carried = stored
            ? $"SELECT {Columns}, true FROM metric_leaf_carried WHERE period_code = {MetricSql.Literal(periodCode)}"
            : $"SELECT {Columns}, true FROM ({MetricSql.Carried(selected)})";
        var asWas = hierarchy == Hierarchy.AsWas;
        var bridge = (asWas, stored) switch
        {
            (false, _) => _materialized.Count > 0 ? "SELECT * FROM metric_asis_bridge" : MetricSql.AsIsBridge,
            (true, true) => "SELECT * FROM metric_aswas_bridge",
            (true, false) => MetricSql.AsWasBridge("SELECT * FROM leaf"),
        };
        var totals = Connection.QuerySingle<CarryForwardTotals>($"""
            WITH leaf AS (
                SELECT * FROM ({leaf}) WHERE indicator_code IN ($indicator, 'cdcs_active')
                UNION ALL
                SELECT * FROM ({carried}) WHERE indicator_code = $indicator
            ),
            bridge AS ({bridge})
            SELECT (sum(l.value) FILTER (WHERE NOT l.carried AND l.indicator_code = $indicator))::DOUBLE AS reported,
                   (sum(l.value) FILTER (WHERE l.carried))::DOUBLE AS carried,
                   (count(DISTINCT l.unit_code) FILTER (WHERE NOT l.carried AND l.indicator_code = $indicator))::INTEGER AS reporting_units,
                   (count(DISTINCT l.unit_code) FILTER (WHERE l.carried))::INTEGER AS carried_units,
                   (count(DISTINCT l.unit_code) FILTER (WHERE l.indicator_code = 'cdcs_active'))::INTEGER AS active_grassroots
            FROM leaf l JOIN bridge b ON b.unit_code = l.unit_code {(asWas ? "AND b.on_date = l.on_date" : "")}
            WHERE b.ancestor_code = $unit
            """, new { indicator, unit = unitCode });
        return new CarriedFigure(indicator, unitCode, periodCode, hierarchy, totals.Reported, totals.Carried,
            totals.ReportingUnits, totals.CarriedUnits, totals.ActiveGrassroots, quarters.Value);
    }

    /// <summary>The one row of <see cref="CarryForward"/>'s query: both totals and the units behind them.</summary>
    private sealed record CarryForwardTotals(double? Reported, double? Carried, int ReportingUnits, int CarriedUnits, int ActiveGrassroots);
}
