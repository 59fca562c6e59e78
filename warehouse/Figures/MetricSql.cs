namespace Analytics.Warehouse.Figures;

/// <summary>
/// The SQL behind every figure. One leaf query turns current facts into one value per unit, indicator
/// and target period (the over-time rules), tagged with the date the value belongs to so it can roll
/// up as-was; two bridges map a unit to the units whose subtree holds its values (as-is, as-was).
/// Refresh materialises them for whole years; other periods compute them on the fly with the same text.
/// </summary>
internal static class MetricSql
{
    private const string Forever = "DATE '9999-12-31'";

    /// <summary>
    /// Leaf rows (period_code, unit_code, indicator_code, sector, level, on_date, value, category) for the periods
    /// selected by <paramref name="periods"/> (a SELECT of dim_period rows).
    /// Flows: the maximal reported sub-periods inside the period, sorted by start (longest first); a
    /// report covered by, or overlapping, an earlier kept one is left out, so a year sent as a whole and
    /// as quarters counts once. Stocks and categories: the latest report inside the period, only for units
    /// active on its last day. Rows are split by the registry window the value's date falls in, so a unit
    /// that moved mid-period contributes to each parent for its own sub-periods. The counts made from a
    /// category indicator (rated, rated_good_plus, upper_rated, upper_rated_good_plus) carry the category of
    /// the report they were counted from, so a distribution by category is the same rows as those counts;
    /// every other row has category NULL.
    /// </summary>
    /// <paramref name="reportedCodes"/>, when given, limits the facts read to those indicators (see <see cref="ReportedCodes"/>).
    /// <paramref name="indicatorIds"/>, when given, are the indicator_id of <paramref name="reportedCodes"/>, filtered in the
    /// scan itself (a constant list), so the joins only see the facts of those indicators. (A constant period_id range
    /// in the same place looked like the same kind of help but made DuckDB choose a far slower plan for a whole year:
    /// minutes instead of seconds; measured, see docs/benchmarks.md.)
    public static string Leaf(string periods, IReadOnlyCollection<string>? reportedCodes = null, IReadOnlyCollection<long>? indicatorIds = null) => $"""
        WITH tp AS ({periods}),
        pc AS (
            SELECT p.period_id, p.start_date, p.end_date, tp.period_code AS target_period, tp.end_date AS target_end
            FROM dim_period p JOIN tp ON p.start_date >= tp.start_date AND p.end_date <= tp.end_date
        ),
        codes AS (SELECT unit_id, any_value(unit_code) AS unit_code FROM dim_unit GROUP BY unit_id),
        inside AS (
            SELECT pc.target_period, pc.target_end, f.unit_id, i.indicator_code, i.kind, pc.start_date, pc.end_date, f.value, f.category
            FROM fact_value f
            JOIN submission s ON s.submission_id = f.submission_id AND s.is_current
            JOIN pc ON pc.period_id = f.period_id
            JOIN dim_indicator i ON i.indicator_id = f.indicator_id AND i.kind IN ('stock', 'flow', 'category')
            {(reportedCodes is null ? "" : $"AND i.indicator_code IN ({List(reportedCodes.DefaultIfEmpty("-"))})")}
            {(indicatorIds is null ? "" : $"WHERE f.indicator_id IN ({string.Join(", ", indicatorIds.DefaultIfEmpty(-1))})")}
        ),
        flow_kept AS (
            SELECT * FROM (
                SELECT *, max(end_date) OVER (PARTITION BY target_period, unit_id, indicator_code
                                              ORDER BY start_date, end_date DESC
                                              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS covered_to
                FROM inside WHERE kind = 'flow' AND value IS NOT NULL)
            WHERE covered_to IS NULL OR covered_to < start_date
        ),
        latest AS (
            SELECT * FROM inside WHERE kind IN ('stock', 'category')
            QUALIFY row_number() OVER (PARTITION BY target_period, unit_id, indicator_code ORDER BY end_date DESC, start_date) = 1
        ),
        active_end AS (
            SELECT tp.period_code AS target_period, tp.start_date AS target_start, tp.end_date AS target_end, u.*
            FROM dim_unit u JOIN tp ON u.valid_from <= tp.end_date AND coalesce(u.valid_to, {Forever}) >= tp.end_date
        ),
        latest_active AS (
            SELECT l.* FROM latest l SEMI JOIN active_end a ON a.target_period = l.target_period AND a.unit_id = l.unit_id
        ),
        reported AS (
            SELECT target_period, unit_id, indicator_code, end_date AS on_date, value, NULL::VARCHAR AS category FROM flow_kept
            UNION ALL
            SELECT target_period, unit_id, indicator_code, end_date, value, NULL FROM latest_active WHERE kind = 'stock' AND value IS NOT NULL
            UNION ALL
            SELECT target_period, unit_id, CASE indicator_code WHEN 'rating' THEN 'rated' ELSE 'upper_rated' END, end_date, 1, category
            FROM latest_active WHERE kind = 'category' AND indicator_code IN ('rating', 'upper_rating') AND category IS NOT NULL
            UNION ALL
            SELECT target_period, unit_id, CASE indicator_code WHEN 'rating' THEN 'rated_good_plus' ELSE 'upper_rated_good_plus' END, end_date,
                   CASE WHEN category IN ('xuat_sac', 'tot') THEN 1 ELSE 0 END, category
            FROM latest_active WHERE kind = 'category' AND indicator_code IN ('rating', 'upper_rating') AND category IS NOT NULL
        ),
        placed AS (
            SELECT r.target_period, c.unit_code, r.indicator_code, w.sector, w.level, w.valid_from AS window_from, r.on_date, r.value, r.category
            FROM reported r
            JOIN codes c ON c.unit_id = r.unit_id
            ASOF LEFT JOIN dim_unit w ON w.unit_id = r.unit_id AND r.on_date >= w.valid_from
        ),
        reported_leaf AS (
            SELECT target_period AS period_code, unit_code, indicator_code, any_value(sector) AS sector, any_value(level) AS level,
                   max(on_date) AS on_date, sum(value) AS value, category
            FROM placed GROUP BY target_period, unit_code, indicator_code, window_from, category
        ),
        finance AS (
            SELECT period_code, unit_code, any_value(sector) AS sector, any_value(level) AS level,
                   max(on_date) FILTER (WHERE indicator_code = 'finance_budget') AS on_date,
                   sum(value) FILTER (WHERE indicator_code = 'finance_budget') AS budget,
                   coalesce(sum(value) FILTER (WHERE indicator_code = 'finance_collected'), 0) AS collected
            FROM reported_leaf WHERE indicator_code IN ('finance_budget', 'finance_collected')
            GROUP BY period_code, unit_code
            HAVING budget IS NOT NULL
        ),
        upper_active AS (
            SELECT DISTINCT a.target_period, a.target_end, a.unit_code, a.level
            FROM active_end a
            SEMI JOIN active_end g ON g.target_period = a.target_period AND g.parent_code = a.unit_code AND g.level = 3
        ),
        opened AS (
            SELECT unit_code, min(valid_from) AS first_from FROM dim_unit WHERE level = 3 GROUP BY unit_code
        )
        SELECT period_code, unit_code, indicator_code, sector, level, on_date, value, category FROM reported_leaf
        UNION ALL
        SELECT period_code, unit_code, 'finance_budget_reported', sector, level, on_date, 1, NULL FROM finance
        UNION ALL
        SELECT period_code, unit_code, 'finance_budget_met', sector, level, on_date, CASE WHEN collected >= budget THEN 1 ELSE 0 END, NULL FROM finance
        UNION ALL
        SELECT target_period, unit_code, 'cdcs_active', sector, level, target_end, 1, NULL FROM active_end WHERE level = 3
        UNION ALL
        SELECT target_period, unit_code, 'enterprises_unionized', sector, level, target_end, 1, NULL FROM active_end WHERE level = 3 AND sector IN ('soe', 'private')
        UNION ALL
        SELECT target_period, unit_code, 'upper_units_active', NULL, level, target_end, 1, NULL FROM upper_active
        UNION ALL
        SELECT tp.period_code, o.unit_code, 'cdcs_opened', w.sector, w.level, o.first_from, 1, NULL
        FROM opened o JOIN tp ON o.first_from BETWEEN tp.start_date AND tp.end_date
        JOIN dim_unit w ON w.unit_code = o.unit_code AND w.valid_from = o.first_from
        """;

    /// <summary>
    /// Carry-forward stand-ins (period_code, unit_code, indicator_code, sector, level, on_date, value,
    /// from_date) for the periods selected by <paramref name="periods"/>: for each stock whose catalog entry
    /// has carry_forward_quarters, each unit active on the period's last day that reported nothing for it
    /// inside the period takes its latest current report that ended before the period, if that report ended
    /// at most carry_forward_quarters quarters before the period starts. The value is dated the period's end
    /// (it stands for the stock then) and from_date says which report it came from. Only the variant
    /// figures read these rows (v_rollup_carry_forward, <see cref="Metrics.CarryForward"/>); the default
    /// figures never do.
    /// </summary>
    public static string Carried(string periods) => $"""
        WITH tp AS ({periods}),
        active_end AS (
            SELECT tp.period_code AS target_period, tp.start_date AS target_start, tp.end_date AS target_end,
                   u.unit_id, u.unit_code, u.sector, u.level
            FROM dim_unit u JOIN tp ON u.valid_from <= tp.end_date AND coalesce(u.valid_to, {Forever}) >= tp.end_date
        ),
        stocks AS (
            SELECT indicator_id, indicator_code, carry_forward_quarters AS quarters
            FROM dim_indicator WHERE kind = 'stock' AND carry_forward_quarters > 0
        ),
        facts AS (
            SELECT a.target_period, a.target_start, a.target_end, a.unit_code, a.sector, a.level, st.indicator_code, st.quarters,
                   p.start_date, p.end_date, f.value
            FROM active_end a
            JOIN fact_value f ON f.unit_id = a.unit_id
            JOIN stocks st ON st.indicator_id = f.indicator_id
            JOIN submission s ON s.submission_id = f.submission_id AND s.is_current
            JOIN dim_period p ON p.period_id = f.period_id AND p.end_date <= a.target_end
                             AND p.end_date >= CAST(a.target_start - INTERVAL 24 MONTH AS DATE)
            WHERE f.value IS NOT NULL
        ),
        reported_inside AS (
            SELECT DISTINCT target_period, unit_code, indicator_code FROM facts WHERE start_date >= target_start
        ),
        last_before AS (
            SELECT * FROM facts
            WHERE end_date < target_start AND end_date >= CAST(target_start - to_months(3 * quarters) AS DATE)
            QUALIFY row_number() OVER (PARTITION BY target_period, unit_code, indicator_code ORDER BY end_date DESC, start_date) = 1
        )
        SELECT b.target_period AS period_code, b.unit_code, b.indicator_code, b.sector, b.level, b.target_end AS on_date, b.value,
               b.end_date AS from_date
        FROM last_before b
        ANTI JOIN reported_inside r ON r.target_period = b.target_period AND r.unit_code = b.unit_code AND r.indicator_code = b.indicator_code
        """;

    /// <summary>The reported indicators the leaf codes <paramref name="leafCodes"/> are made from (a computed
    /// count such as rated_good_plus reads rating; finance_budget_met reads both finance flows).</summary>
    public static IReadOnlyCollection<string> ReportedCodes(IEnumerable<string> leafCodes)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in leafCodes)
        {
            codes.Add(code);
            if (code is "rated" or "rated_good_plus") codes.Add("rating");
            if (code is "upper_rated" or "upper_rated_good_plus") codes.Add("upper_rating");
            if (code is "finance_budget_met" or "finance_budget_reported") codes.UnionWith(["finance_budget", "finance_collected"]);
        }
        return codes;
    }

    /// <summary>
    /// As-was bridge (unit_code, on_date, ancestor_code) for the (unit, date) pairs of <paramref name="leaf"/>:
    /// the unit itself and its ancestors through the registry windows covering that date.
    /// </summary>
    public static string AsWasBridge(string leaf) => $"""
        WITH RECURSIVE pairs AS (SELECT DISTINCT unit_code, on_date FROM ({leaf})),
        up(unit_code, on_date, ancestor_code) AS (
            SELECT unit_code, on_date, unit_code FROM pairs
            UNION
            SELECT up.unit_code, up.on_date, w.parent_code
            FROM up JOIN dim_unit w ON w.unit_code = up.ancestor_code
             AND up.on_date BETWEEN w.valid_from AND coalesce(w.valid_to, {Forever})
            WHERE w.parent_code IS NOT NULL
        )
        SELECT * FROM up
        """;

    /// <summary>
    /// As-is bridge (unit_code, ancestor_code) for every unit code ever registered: a unit active today
    /// maps to itself; a closed one to the place of its successor, or of its last parent when it has none,
    /// recursively; then the place and its ancestors in today's organisation. A closed unit also maps to
    /// itself, so its own figure for the periods it reported stays what it reported: as-is moves where its
    /// values roll up, never whether they exist. No other unit maps to a closed one, so nothing counts twice.
    /// </summary>
    public const string AsIsBridge = $"""
        WITH RECURSIVE last AS (
            SELECT unit_code, arg_max(parent_code, valid_from) AS last_parent, arg_max(successor_code, valid_from) AS successor,
                   bool_or(valid_to IS NULL) AS active
            FROM dim_unit GROUP BY unit_code
        ),
        place(unit_code, place_code) AS (
            SELECT unit_code, unit_code FROM last WHERE active
            UNION
            SELECT l.unit_code, p.place_code FROM last l JOIN place p ON p.unit_code = coalesce(l.successor, l.last_parent) WHERE NOT l.active
        ),
        cur AS (SELECT unit_code, parent_code FROM dim_unit WHERE valid_to IS NULL),
        anc(place_code, ancestor_code) AS (
            SELECT unit_code, unit_code FROM cur
            UNION
            SELECT a.place_code, c.parent_code FROM anc a JOIN cur c ON c.unit_code = a.ancestor_code WHERE c.parent_code IS NOT NULL
        )
        SELECT p.unit_code, a.ancestor_code FROM place p JOIN anc a ON a.place_code = p.place_code
        UNION
        SELECT unit_code, unit_code FROM last WHERE NOT active
        """;

    /// <summary>
    /// As-is sums (ancestor_code, period_code, indicator_code, sector, value) of metric_leaf for every
    /// upper-level unit active today (levels 0-2). In two steps so no step multiplies the leaf rows: each
    /// leaf unit goes to its deepest upper-level ancestor today (its own place when it is upper-level, else
    /// its place's parent), the leaf is summed there, and those few sums go up that unit's ancestors.
    /// </summary>
    public const string AsIsRollup = """
        WITH upper AS (SELECT unit_code, level FROM dim_unit WHERE valid_to IS NULL AND level <= 2),
        home AS (
            SELECT b.unit_code, arg_max(b.ancestor_code, u.level) AS home_code
            FROM metric_asis_bridge b JOIN upper u ON u.unit_code = b.ancestor_code
            GROUP BY b.unit_code
        ),
        at_home AS (
            SELECT h.home_code, l.period_code, l.indicator_code, l.sector, sum(l.value) AS value
            FROM metric_leaf l JOIN home h ON h.unit_code = l.unit_code
            GROUP BY ALL
        )
        SELECT b.ancestor_code, a.period_code, a.indicator_code, a.sector, sum(a.value) AS value
        FROM at_home a JOIN metric_asis_bridge b ON b.unit_code = a.home_code
        GROUP BY ALL
        """;

    /// <summary>Units registered over the whole of [start, end] (moves allowed): the like-for-like set.</summary>
    public static string ActiveThroughout(DateOnly start, DateOnly end) => $"""
        SELECT unit_code FROM dim_unit GROUP BY unit_code
        HAVING min(valid_from) <= DATE '{start:yyyy-MM-dd}' AND (bool_or(valid_to IS NULL) OR max(valid_to) >= DATE '{end:yyyy-MM-dd}')
        """;

    /// <summary>A SQL string literal (codes are also validated by the callers).</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string List(IEnumerable<string> items) => string.Join(", ", items.Select(Literal));
}
