using Analytics.Warehouse.Vocabulary;
using System.Text.RegularExpressions;
using Analytics.Warehouse.Refresh;
using Analytics.Warehouse.Store;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Figures;

/// <summary>
/// Figures over the unit hierarchy and time, by the rules in docs/analyst-guide.md: sums of the units
/// at the indicator's reporting level in the subtree; flows add up over non-overlapping sub-periods,
/// stocks take the latest report of each unit still active at the period's end; rates are ratios of
/// sums (the catalog's rate definitions, <see cref="RateDefinitions"/>); as-is or as-was. Whole years come from the tables built by <see cref="MetricTables.Refresh"/> (rebuilt
/// first when stale and the connection can write); other periods are computed from the facts directly.
/// </summary>
public sealed partial class Metrics(DuckDBConnection connection)
{
    private HashSet<string>? _materialized;
    private HashSet<string>? _upperToday;

    /// <summary>The connection the figures are read from.</summary>
    public DuckDBConnection Connection { get; } = connection;

    /// <summary>The rates of this warehouse's catalog, read once per instance.</summary>
    public RateDefinitions Definitions => _definitions ??= RateDefinitions.Read(Connection);

    private RateDefinitions? _definitions;

    /// <summary>The figure of <paramref name="indicator"/> for the subtree of <paramref name="unitCode"/> in <paramref name="periodCode"/>
    /// (any period code: 2024, 2024-Q1, 2024-H1, 2024-9M, 2024-03). <paramref name="sectors"/> keeps only grassroots unions
    /// of those sectors; <paramref name="minWorkers"/> only grassroots unions with at least that many workers at period end.</summary>
    public MetricValue Get(string indicator, string unitCode, string periodCode, Hierarchy hierarchy = Hierarchy.AsIs,
        IReadOnlyList<string>? sectors = null, int? minWorkers = null)
    {
        CheckUnit(unitCode);
        CheckPeriod(periodCode);
        var figures = Load([unitCode], [periodCode], LeafCodes([indicator]), hierarchy, minWorkers, null);
        return figures.Value(Definitions, indicator, unitCode, periodCode, hierarchy, sectors);
    }

    /// <summary>One figure per child of <paramref name="unitCode"/> in that hierarchy (as-is: today's children; as-was:
    /// the children on the period's last day), for rankings and by-child tables. Ordered by unit code.</summary>
    public IReadOnlyList<MetricValue> ForChildren(string indicator, string unitCode, string periodCode, Hierarchy hierarchy = Hierarchy.AsIs,
        IReadOnlyList<string>? sectors = null)
    {
        CheckUnit(unitCode);
        var end = CheckPeriod(periodCode);
        var sql = hierarchy == Hierarchy.AsIs
            ? "SELECT DISTINCT unit_code FROM dim_unit WHERE parent_code = $unit AND valid_to IS NULL ORDER BY 1"
            : "SELECT DISTINCT unit_code FROM dim_unit WHERE parent_code = $unit AND valid_from <= $end AND coalesce(valid_to, DATE '9999-12-31') >= $end ORDER BY 1";
        object args = hierarchy == Hierarchy.AsIs ? new { unit = unitCode } : new { unit = unitCode, end };
        var children = Connection.Query<string>(sql, args).AsList();
        if (children.Count == 0) return [];
        var figures = Load(children, [periodCode], LeafCodes([indicator]), hierarchy, null, null);
        return [.. children.Select(c => figures.Value(Definitions, indicator, c, periodCode, hierarchy, sectors))];
    }

    /// <summary>Yearly figures from <paramref name="fromYear"/> to <paramref name="toYear"/> with year-on-year change.
    /// <paramref name="likeForLike"/> keeps only units active over the whole window.</summary>
    public IReadOnlyList<TrendPoint> Trend(string indicator, string unitCode, int fromYear, int toYear, Hierarchy hierarchy = Hierarchy.AsIs,
        bool likeForLike = false, IReadOnlyList<string>? sectors = null) =>
        TrendFor(indicator, [unitCode], fromYear, toYear, hierarchy, likeForLike, sectors)[unitCode];

    /// <summary><see cref="Trend"/> for many units in one pass (e.g. every province).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TrendPoint>> TrendFor(string indicator, IReadOnlyCollection<string> unitCodes, int fromYear, int toYear,
        Hierarchy hierarchy = Hierarchy.AsIs, bool likeForLike = false, IReadOnlyList<string>? sectors = null)
    {
        if (toYear < fromYear) throw new ArgumentException($"--to {toYear} is before --from {fromYear}.");
        foreach (var unit in unitCodes) CheckUnit(unit);
        var years = Enumerable.Range(fromYear, toYear - fromYear + 1).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var window = likeForLike ? (new DateOnly(fromYear, 1, 1), new DateOnly(toYear, 12, 31)) : ((DateOnly, DateOnly)?)null;
        var figures = Load(unitCodes, years, LeafCodes([indicator]), hierarchy, null, window);
        var result = new Dictionary<string, IReadOnlyList<TrendPoint>>(StringComparer.Ordinal);
        foreach (var unit in unitCodes)
        {
            var points = new List<TrendPoint>();
            MetricValue? previous = null;
            foreach (var year in years)
            {
                var value = figures.Value(Definitions, indicator, unit, year, hierarchy, sectors);
                double? change = value.Value is { } v && previous?.Value is { } p ? v - p : null;
                double? ratio = value.Value is { } v2 && previous?.Value is { } p2 && p2 != 0 ? v2 / p2 - 1 : null;
                points.Add(new TrendPoint(int.Parse(year, System.Globalization.CultureInfo.InvariantCulture), value, change, ratio));
                previous = value;
            }
            result[unit] = points;
        }
        return result;
    }

    /// <summary>Every indicator code a figure can be asked for: the catalog's stocks and flows, derived counts and rates.</summary>
    public IReadOnlyList<string> KnownIndicators()
    {
        var codes = Connection.Query<string>("SELECT indicator_code FROM dim_indicator WHERE kind IN ('stock', 'flow') ORDER BY indicator_code").AsList();
        codes.AddRange(RateDefinitions.ComputedCounts);
        codes.AddRange(Definitions.Rates.Keys);
        return [.. codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    internal IReadOnlyCollection<string> LeafCodes(IEnumerable<string> indicators)
    {
        var known = KnownIndicators().ToHashSet(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var indicator in indicators)
        {
            if (!known.Contains(indicator))
                throw UnknownNameException.Of("chỉ tiêu", "indicator", indicator, known,
                    "Chỉ tiêu phân loại như xếp loại được đọc qua rated_good_plus_share; xem docs/indicators.md",
                    "A category such as rating is read through rated_good_plus_share; see docs/indicators.md");
            var (numerator, denominator) = Definitions.Parts(indicator);
            codes.Add(numerator);
            if (denominator is not null) codes.Add(denominator);
        }
        return codes;
    }

    /// <summary>
    /// Sums of the leaf rows per (ancestor unit, period, leaf code, sector) for the given units: the one
    /// query every figure goes through.
    /// </summary>
    internal FigureSet Load(IReadOnlyCollection<string> units, IReadOnlyCollection<string> periods, IReadOnlyCollection<string> leafCodes,
        Hierarchy hierarchy, int? minWorkers, (DateOnly Start, DateOnly End)? likeForLike, FigureSet? into = null)
    {
        var figures = into ?? new FigureSet();
        if (units.Count == 0 || periods.Count == 0 || leafCodes.Count == 0) return figures;
        foreach (var code in units.Concat(periods).Concat(leafCodes))
            if (!SafeCode().IsMatch(code)) throw new ArgumentException($"'{code}' is not a code.");

        // Periods the refresh tables hold are read from them; only the others are computed from the facts.
        // One odd period (a deadline in February among whole years) must not send every figure down the slow path.
        _materialized ??= MetricTables.EnsureFresh(Connection);
        var stored = periods.Where(_materialized.Contains).ToList();
        var computed = periods.Where(p => !_materialized.Contains(p)).ToList();
        if (stored.Count > 0 && hierarchy == Hierarchy.AsIs && minWorkers is null && likeForLike is null && AreUpperLevelToday(units))
            LoadRollup(figures, units, stored, leafCodes);
        else if (stored.Count > 0) LoadInto(figures, units, stored, leafCodes, hierarchy, minWorkers, likeForLike, fromTables: true);
        if (computed.Count > 0) LoadInto(figures, units, computed, leafCodes, hierarchy, minWorkers, likeForLike, fromTables: false);
        return figures;
    }

    /// <summary>Whether figures of <paramref name="periodCode"/> are read from the refresh tables (fresh and holding it).</summary>
    internal bool IsStored(string periodCode)
    {
        _materialized ??= MetricTables.EnsureFresh(Connection);
        return _materialized.Contains(periodCode);
    }

    /// <summary>
    /// Sums from the refresh tables for size-restricted figures, every size in one query: each request
    /// (minimum workers, stored period, leaf code) keeps the grassroots unions with at least that many workers
    /// at the period's end (upper-level units' own values are kept), into <paramref name="into"/>[minimum].
    /// </summary>
    internal void LoadSized(IReadOnlyCollection<string> units, IReadOnlyCollection<(int MinWorkers, string Period, string Code)> requests, Hierarchy hierarchy,
        IReadOnlyDictionary<int, FigureSet> into)
    {
        if (units.Count == 0 || requests.Count == 0) return;
        foreach (var code in units.Concat(requests.Select(r => r.Period)).Concat(requests.Select(r => r.Code)))
            if (!SafeCode().IsMatch(code)) throw new ArgumentException($"'{code}' is not a code.");
        var needs = string.Join(", ", requests.Distinct().Select(r => $"({r.MinWorkers}, {MetricSql.Literal(r.Period)}, {MetricSql.Literal(r.Code)})"));
        var periods = MetricSql.List(requests.Select(r => r.Period).Distinct(StringComparer.Ordinal));
        var codes = MetricSql.List(requests.Select(r => r.Code).Append("workers").Distinct(StringComparer.Ordinal));
        var asWas = hierarchy == Hierarchy.AsWas;
        var rows = Connection.Query<SizedSum>($"""
            WITH need(min_workers, period_code, indicator_code) AS (VALUES {needs}),
            leaf AS (SELECT * FROM metric_leaf WHERE period_code IN ({periods}) AND indicator_code IN ({codes})),
            wk AS (SELECT period_code, unit_code, sum(value) AS workers FROM leaf WHERE indicator_code = 'workers' GROUP BY ALL)
            SELECT n.min_workers::INTEGER AS min_workers, b.ancestor_code, l.period_code, l.indicator_code, l.sector, sum(l.value)::DOUBLE AS value
            FROM leaf l
            JOIN need n ON n.period_code = l.period_code AND n.indicator_code = l.indicator_code
            JOIN {(asWas ? "metric_aswas_bridge" : "metric_asis_bridge")} b ON b.unit_code = l.unit_code {(asWas ? "AND b.on_date = l.on_date" : "")}
            LEFT JOIN wk ON wk.period_code = l.period_code AND wk.unit_code = l.unit_code
            WHERE b.ancestor_code IN ({MetricSql.List(units)}) AND (l.level < 3 OR wk.workers >= n.min_workers)
            GROUP BY ALL
            """);
        foreach (var r in rows) into[r.MinWorkers].Add(r.AncestorCode, r.PeriodCode, r.IndicatorCode, r.Sector, r.Value);
    }

    /// <summary>A row of the one figure query: the sum of a leaf code over an ancestor's subtree, by sector.</summary>
    private sealed record LeafSum(string AncestorCode, string PeriodCode, string IndicatorCode, string? Sector, double Value);

    /// <summary>A <see cref="LeafSum"/> of a size-restricted request: grassroots unions with at least <see cref="MinWorkers"/> workers.</summary>
    private sealed record SizedSum(int MinWorkers, string AncestorCode, string PeriodCode, string IndicatorCode, string? Sector, double Value);

    private static void AddAll(FigureSet figures, IEnumerable<LeafSum> rows)
    {
        foreach (var r in rows) figures.Add(r.AncestorCode, r.PeriodCode, r.IndicatorCode, r.Sector, r.Value);
    }

    // Province and district figures as-is are sums the refresh already made (metric_asis_rollup): the same
    // numbers as summing the leaf through the bridge, without touching millions of leaf rows per question.
    private void LoadRollup(FigureSet figures, IReadOnlyCollection<string> units, IReadOnlyCollection<string> periods, IReadOnlyCollection<string> leafCodes)
    {
        AddAll(figures, Connection.Query<LeafSum>($"""
            SELECT ancestor_code, period_code, indicator_code, sector, value::DOUBLE AS value FROM metric_asis_rollup
            WHERE ancestor_code IN ({MetricSql.List(units)}) AND period_code IN ({MetricSql.List(periods)}) AND indicator_code IN ({MetricSql.List(leafCodes)})
            """));
    }

    private bool AreUpperLevelToday(IReadOnlyCollection<string> units)
    {
        if (_upperToday is null)
        {
            _upperToday = Connection.Query<string>("SELECT DISTINCT unit_code FROM dim_unit WHERE valid_to IS NULL AND level <= 2").ToHashSet(StringComparer.Ordinal);
        }
        return units.All(_upperToday.Contains);
    }

    private void LoadInto(FigureSet figures, IReadOnlyCollection<string> units, IReadOnlyCollection<string> periods, IReadOnlyCollection<string> leafCodes,
        Hierarchy hierarchy, int? minWorkers, (DateOnly Start, DateOnly End)? likeForLike, bool fromTables)
    {
        var needsWorkers = minWorkers is not null;
        var codes = needsWorkers ? leafCodes.Append("workers").Distinct(StringComparer.Ordinal).ToList() : [.. leafCodes];
        var (leaf, bridge) = Sources(periods, codes, hierarchy, fromTables);
        var sql = $"""
            WITH leaf AS (SELECT * FROM ({leaf}) WHERE period_code IN ({MetricSql.List(periods)}) AND indicator_code IN ({MetricSql.List(codes)})),
            bridge AS ({bridge})
            {(needsWorkers ? ", wk AS (SELECT period_code, unit_code, sum(value) AS workers FROM leaf WHERE indicator_code = 'workers' GROUP BY ALL)" : "")}
            {(likeForLike is { } w ? $", lfl AS ({MetricSql.ActiveThroughout(w.Start, w.End)})" : "")}
            SELECT b.ancestor_code, l.period_code, l.indicator_code, l.sector, sum(l.value)::DOUBLE AS value
            FROM leaf l
            JOIN bridge b ON b.unit_code = l.unit_code {(hierarchy == Hierarchy.AsWas ? "AND b.on_date = l.on_date" : "")}
            {(needsWorkers ? "LEFT JOIN wk ON wk.period_code = l.period_code AND wk.unit_code = l.unit_code" : "")}
            WHERE b.ancestor_code IN ({MetricSql.List(units)})
              AND l.indicator_code IN ({MetricSql.List(leafCodes)})
              {(needsWorkers ? $"AND (l.level < 3 OR wk.workers >= {minWorkers!.Value})" : "")}
              {(likeForLike is not null ? "AND l.unit_code IN (SELECT unit_code FROM lfl)" : "")}
            GROUP BY ALL
            """;
        AddAll(figures, Connection.Query<LeafSum>(sql));
    }

    /// <summary>
    /// The leaf rows and the bridge a figure sums: the refresh tables for the periods they hold, else the
    /// same SQL over the facts of the reported indicators behind <paramref name="codes"/>. The bridge reads
    /// a CTE named leaf, which the caller defines over the returned leaf query.
    /// </summary>
    private (string Leaf, string Bridge) Sources(IReadOnlyCollection<string> periods, IReadOnlyCollection<string> codes, Hierarchy hierarchy, bool fromTables)
    {
        if (fromTables)
            return ("SELECT * FROM metric_leaf", hierarchy == Hierarchy.AsIs ? "SELECT * FROM metric_asis_bridge" : "SELECT * FROM metric_aswas_bridge");
        // Only the facts of the indicators asked for: the whole fact table is the expensive part.
        var selected = $"SELECT * FROM dim_period WHERE period_code IN ({MetricSql.List(periods)})";
        var reported = MetricSql.ReportedCodes(codes);
        var leaf = MetricSql.Leaf(selected, reported, IndicatorIds(reported));
        // The as-is bridge depends on the registry only: when the tables are fresh it is the stored one.
        var bridge = hierarchy == Hierarchy.AsIs
            ? (_materialized!.Count > 0 ? "SELECT * FROM metric_asis_bridge" : MetricSql.AsIsBridge)
            : MetricSql.AsWasBridge("SELECT * FROM leaf");
        return (leaf, bridge);
    }

    private List<long> IndicatorIds(IReadOnlyCollection<string> codes)
    {
        return Connection.Query<long>($"SELECT indicator_id::BIGINT FROM dim_indicator WHERE indicator_code IN ({MetricSql.List(codes.DefaultIfEmpty("-"))})").AsList();
    }

    private void CheckUnit(string unitCode) => RequireUnit(Connection, unitCode);

    /// <summary>Refuses a unit code the registry does not hold, naming the closest codes (<see cref="UnknownNameException"/>).</summary>
    public static void RequireUnit(DuckDBConnection connection, string unitCode)
    {
        if (connection.Scalar<long>("SELECT count(*) FROM dim_unit WHERE unit_code = $1", unitCode) == 0)
            throw UnknownNameException.Of("đơn vị", "unit", unitCode, connection.Query<string>("SELECT DISTINCT unit_code FROM dim_unit"));
    }

    private DateOnly CheckPeriod(string periodCode)
    {
        return Connection.Scalar<DateOnly?>("SELECT end_date FROM dim_period WHERE period_code = $1", periodCode)
            ?? throw UnknownNameException.Of("kỳ", "period", periodCode, [],
                "Viết 2024, 2024-Q1, 2024-H1, 2024-9M hoặc 2024-03", "Write 2024, 2024-Q1, 2024-H1, 2024-9M or 2024-03");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeCode();
}
