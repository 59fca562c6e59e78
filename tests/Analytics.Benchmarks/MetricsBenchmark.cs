using Analytics.Warehouse.Refresh;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analytics.Warehouse.Figures;
using Analytics.Warehouse.Attainment;
using Analytics.Warehouse.Plans;

namespace Analytics.Benchmarks;

/// <summary>
/// `metrics`: issue 4's performance question on a loaded warehouse, answered twice in the same run —
/// through the metrics engine (Metrics.TrendFor, Attainment.EvaluateMany over the tables built by
/// Metrics.Refresh) and by hand-written DuckDB SQL over the raw facts (fact_value, submission.is_current,
/// dim_unit, dim_period) — (a) the yearly as-is trend of members_admitted and cba_coverage for every
/// province; (b) the attainment of every target for every province. Warm runs, alternated; the figures
/// of (a) are compared before anything is timed. The database is refreshed in place: pass a copy.
/// </summary>
public static class MetricsBenchmark
{
    private const string Forever = "DATE '9999-12-31'";

    // The rate definitions of the catalog synced into the warehouse (dim_indicator), read at start:
    // the hand query divides the same parts as the engine, so only the arithmetic is checked twice.
    private static IReadOnlyDictionary<string, (string Numerator, string Denominator)> Rates =
        new Dictionary<string, (string, string)>();

    public static int Run(string[] args)
    {
        var options = new BenchmarkArguments(args, "--db", "--runs", "--from", "--to", "--as-of");
        var db = options.GetString("--db", "");
        var runs = (int)options.GetInt64("--runs", 5);
        if (db.Length == 0 || !File.Exists(db))
        {
            Console.Error.WriteLine("metrics: --db PATH must be a loaded warehouse file (a copy: it is refreshed in place)");
            return 2;
        }
        using var warehouse = Analytics.Warehouse.Warehouse.Open(db);
        using var connection = warehouse.Connect();
        Rates = RateDefinitions.Read(connection).Rates;

        var facts = connection.Scalar<long>("SELECT count(*) FROM fact_value");
        var current = connection.Scalar<long>("SELECT count(*) FROM fact_value f JOIN submission s ON s.submission_id = f.submission_id AND s.is_current");
        var registry = connection.Scalar<long>("SELECT count(*) FROM dim_unit");
        var (firstYear, lastFullYear, lastEnd) = DataSpan(connection);
        var from = (int)options.GetInt64("--from", firstYear);
        var to = (int)options.GetInt64("--to", lastFullYear);
        var asOf = DateOnly.ParseExact(options.GetString("--as-of", lastEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Console.WriteLine($"metrics benchmark: {db}");
        Console.WriteLine($"  {facts:N0} fact rows ({current:N0} current), {registry:N0} registry rows; trend {from}-{to}, attainment as of {asOf:yyyy-MM-dd}; {runs} warm run(s) each");

        ProcessPeakMemory.Reset();
        var refresh = MetricTables.Refresh(connection);
        Console.WriteLine($"  Metrics.Refresh          {refresh.Elapsed.TotalSeconds,8:N2} s  ({refresh.LeafRows:N0} leaf rows, {refresh.RollupRows:N0} bridge rows; peak working set {ProcessPeakMemory.Format(ProcessPeakMemory.Bytes())})");

        var targets = PlanCatalog.Embedded.Targets.ToList();
        var trendSql = HandTrendSql(from, to);
        var attainmentSql = HandAttainmentSql(connection, targets, asOf);

        // Correctness first: the engine's trend and the hand query's must agree before timing means anything.
        var engineTrend = EngineTrend(connection, from, to);
        var handTrend = HandTrend(connection, trendSql);
        var check = Compare(engineTrend, handTrend);
        Console.WriteLine($"  (a) check: {check.Compared:N0} figures compared (province x year x indicator), {check.Missing} present on one side only, max |difference| {check.MaxDifference:G6}{(check.Worst is null ? "" : $" at {check.Worst}")}");
        var engineAttainment = EngineAttainment(connection, targets, asOf);
        var handSums = HandAttainment(connection, attainmentSql);
        var attainmentCheck = CompareAttainment(engineAttainment, handSums, targets);
        Console.WriteLine($"  (b) check: {engineAttainment.Count:N0} attainment rows ({targets.Count} targets x {engineAttainment.Count / Math.Max(1, targets.Count)} provinces), {handSums.Count:N0} hand sums; " +
                          $"{attainmentCheck.Compared:N0} numerator/denominator pairs of single-period targets compared, max |relative difference| {attainmentCheck.MaxDifference:G6}{(attainmentCheck.Worst is null ? "" : $" at {attainmentCheck.Worst}")}");

        // Where the engine's time goes in (a), once: a fresh Metrics pays the freshness check on its first figure.
        {
            var watch = Stopwatch.StartNew();
            var metrics = new Metrics(connection);
            var provinces = Provinces(connection);
            var listed = watch.Elapsed.TotalSeconds;
            metrics.TrendFor("members_admitted", provinces, from, to);
            var first = watch.Elapsed.TotalSeconds;
            metrics.TrendFor("cba_coverage", provinces, from, to);
            var second = watch.Elapsed.TotalSeconds;
            metrics.TrendFor("cba_coverage", provinces, from, to);
            var again = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"  (a) engine phases: province list {listed * 1000:N0} ms, TrendFor members_admitted (with the freshness check) {(first - listed) * 1000:N0} ms, " +
                              $"TrendFor cba_coverage {(second - first) * 1000:N0} ms, again {(again - second) * 1000:N0} ms; {provinces.Count} provinces");
        }

        var trendEngine = new List<double>();
        var trendHand = new List<double>();
        var attainEngine = new List<double>();
        var attainHand = new List<double>();
        ProcessPeakMemory.Reset();
        for (var run = 0; run < runs; run++)
        {
            // Alternate which side goes first so a noisy neighbour does not always hit the same one.
            if (run % 2 == 0)
            {
                trendEngine.Add(Time(() => EngineTrend(connection, from, to)));
                trendHand.Add(Time(() => HandTrend(connection, trendSql)));
                attainEngine.Add(Time(() => EngineAttainment(connection, targets, asOf)));
                attainHand.Add(Time(() => HandAttainment(connection, attainmentSql)));
            }
            else
            {
                trendHand.Add(Time(() => HandTrend(connection, trendSql)));
                trendEngine.Add(Time(() => EngineTrend(connection, from, to)));
                attainHand.Add(Time(() => HandAttainment(connection, attainmentSql)));
                attainEngine.Add(Time(() => EngineAttainment(connection, targets, asOf)));
            }
            Console.WriteLine($"  run {run + 1}: (a) engine {trendEngine[^1],6:N3} s  hand {trendHand[^1],6:N3} s   (b) engine {attainEngine[^1],6:N3} s  hand {attainHand[^1],6:N3} s");
        }

        var report = new StringBuilder();
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"                                   best      median");
        Line(report, "(a) trend, engine (TrendFor x2)", trendEngine);
        Line(report, "(a) trend, hand-written SQL", trendHand);
        report.AppendLine(CultureInfo.InvariantCulture, $"(a) ratio engine/hand          {trendEngine.Min() / trendHand.Min(),8:N2}  {Median(trendEngine) / Median(trendHand),10:N2}   (goal <= 1.5, engine < 1 s)");
        Line(report, "(b) attainment, engine", attainEngine);
        Line(report, "(b) attainment, hand-written SQL", attainHand);
        report.AppendLine(CultureInfo.InvariantCulture, $"(b) ratio engine/hand          {attainEngine.Min() / attainHand.Min(),8:N2}  {Median(attainEngine) / Median(attainHand),10:N2}   (goal <= 1.5, engine < 1 s)");
        report.AppendLine(CultureInfo.InvariantCulture, $"refresh (once, not in the above) {refresh.Elapsed.TotalSeconds,6:N2} s");
        report.AppendLine(CultureInfo.InvariantCulture, $"peak working set over the timed runs {ProcessPeakMemory.Format(ProcessPeakMemory.Bytes())}");
        Console.Write(report);
        // Both checks gate the exit code: a fast wrong answer is not a result.
        return check.MaxDifference < 1e-9 && check.Missing == 0 && attainmentCheck.MaxDifference < 1e-9 ? 0 : 1;
    }

    private static void Line(StringBuilder report, string name, List<double> seconds) =>
        report.AppendLine(CultureInfo.InvariantCulture, $"{name,-32} {seconds.Min(),8:N3} s {Median(seconds),8:N3} s");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    // First year with facts, last year whose fourth quarter has facts, end of the latest period with facts.
    private static (int First, int LastFull, DateOnly LastEnd) DataSpan(DuckDBConnection connection)
    {
        using var reader = connection.Query("""
            SELECT min(p.year), max(p.year) FILTER (WHERE p.period_type = 'quarter' AND p.seq = 4), max(p.end_date)
            FROM (SELECT DISTINCT period_id FROM fact_value) f JOIN dim_period p USING (period_id)
            """);
        reader.Read();
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetDate(2));
    }

    private static List<string> Provinces(DuckDBConnection connection)
    {
        var provinces = new List<string>();
        using var reader = connection.Query("SELECT unit_code FROM dim_unit WHERE level = 1 AND valid_to IS NULL ORDER BY 1");
        while (reader.Read()) provinces.Add(reader.GetString(0));
        return provinces;
    }

    // ---- (a) the engine: a fresh Metrics (as a command would make), the provinces, two TrendFor calls.
    private static Dictionary<(string Province, int Year, string Indicator), double?> EngineTrend(DuckDBConnection connection, int from, int to)
    {
        var metrics = new Metrics(connection);
        var provinces = Provinces(connection);
        var result = new Dictionary<(string, int, string), double?>();
        foreach (var indicator in new[] { "members_admitted", "cba_coverage" })
            foreach (var (province, points) in metrics.TrendFor(indicator, provinces, from, to))
                foreach (var point in points)
                    result[(province, point.Year, indicator)] = point.Value.Value;
        return result;
    }

    // ---- (a) by hand: the same figures straight from the facts.
    private static Dictionary<(string Province, int Year, string Indicator), double?> HandTrend(DuckDBConnection connection, string sql)
    {
        var result = new Dictionary<(string, int, string), double?>();
        using var reader = connection.Query(sql);
        while (reader.Read())
        {
            var province = reader.GetString(0);
            var year = reader.GetInt32(1);
            double? admitted = reader.IsDBNull(2) ? null : reader.GetDouble(2);
            double? signed = reader.IsDBNull(3) ? null : reader.GetDouble(3);
            double? unionized = reader.IsDBNull(4) ? null : reader.GetDouble(4);
            result[(province, year, "members_admitted")] = admitted;
            result[(province, year, "cba_coverage")] = unionized is > 0 && signed is not null ? signed / unionized : null;
        }
        return result;
    }

    /// <summary>
    /// Today's province of every unit code ever registered, by walking: a unit active today steps to its
    /// current parent; a closed one to its successor, or to its last parent when it has none; the walk
    /// stops at a level-1 unit active today. Written independently of the engine's two-step bridge.
    /// </summary>
    private const string ProvinceOfSql = $"""
        last AS (
            SELECT unit_code, arg_max(parent_code, valid_from) AS last_parent, arg_max(successor_code, valid_from) AS successor,
                   bool_or(valid_to IS NULL) AS active
            FROM dim_unit GROUP BY unit_code
        ),
        today AS (SELECT unit_code, parent_code, level FROM dim_unit WHERE valid_to IS NULL),
        walk(unit_code, cursor, steps) AS (
            SELECT unit_code, unit_code, 0 FROM last
            UNION ALL
            SELECT w.unit_code, CASE WHEN l.active THEN t.parent_code ELSE coalesce(l.successor, l.last_parent) END, w.steps + 1
            FROM walk w JOIN last l ON l.unit_code = w.cursor LEFT JOIN today t ON t.unit_code = w.cursor
            WHERE coalesce(t.level, -1) <> 1 AND w.steps < 32
              AND CASE WHEN l.active THEN t.parent_code ELSE coalesce(l.successor, l.last_parent) END IS NOT NULL
        ),
        province_of AS (
            SELECT w.unit_code, w.cursor AS province FROM walk w JOIN today t ON t.unit_code = w.cursor AND t.level = 1
        ),
        code_of AS (SELECT DISTINCT unit_id, unit_code FROM dim_unit)
        """;

    /// <summary>
    /// Per province active today and year: members_admitted (per grassroots unit: its year report if
    /// any, else the sum of its quarter reports, else of its month reports), cba_signed (each unit's
    /// latest report in the year, units registered on 31 December only), enterprises_unionized
    /// (grassroots units of sector soe/private registered on 31 December), every unit restated to
    /// today's province.
    /// </summary>
    private static string HandTrendSql(int from, int to) => $"""
        WITH RECURSIVE {ProvinceOfSql},
        years AS (SELECT period_code, year, start_date, end_date FROM dim_period WHERE period_type = 'year' AND year BETWEEN {from} AND {to}),
        f AS (
            SELECT f.unit_id, y.year, y.end_date AS year_end, p.period_type, p.end_date, i.indicator_code, f.value
            FROM fact_value f
            JOIN submission s ON s.submission_id = f.submission_id AND s.is_current
            JOIN dim_period p ON p.period_id = f.period_id
            JOIN years y ON p.start_date >= y.start_date AND p.end_date <= y.end_date
            JOIN dim_indicator i ON i.indicator_id = f.indicator_id
            WHERE i.indicator_code IN ('members_admitted', 'cba_signed') AND f.value IS NOT NULL
        ),
        admitted AS (
            SELECT unit_id, year, coalesce(sum(value) FILTER (WHERE period_type = 'year'), sum(value) FILTER (WHERE period_type = 'quarter'),
                                           sum(value) FILTER (WHERE period_type = 'month')) AS value
            FROM f WHERE indicator_code = 'members_admitted' GROUP BY unit_id, year
        ),
        signed AS (
            SELECT f.unit_id, f.year, arg_max(f.value, f.end_date) AS value
            FROM f WHERE f.indicator_code = 'cba_signed'
              AND EXISTS (SELECT 1 FROM dim_unit u WHERE u.unit_id = f.unit_id AND u.valid_from <= f.year_end AND coalesce(u.valid_to, {Forever}) >= f.year_end)
            GROUP BY f.unit_id, f.year
        ),
        per_province AS (
            SELECT po.province, a.year, sum(a.value) AS admitted, NULL::DOUBLE AS signed, NULL::DOUBLE AS unionized
            FROM admitted a JOIN code_of c USING (unit_id) JOIN province_of po USING (unit_code) GROUP BY ALL
            UNION ALL
            SELECT po.province, s.year, NULL, sum(s.value), NULL
            FROM signed s JOIN code_of c USING (unit_id) JOIN province_of po USING (unit_code) GROUP BY ALL
            UNION ALL
            SELECT po.province, y.year, NULL, NULL, count(*)
            FROM dim_unit u JOIN years y ON u.valid_from <= y.end_date AND coalesce(u.valid_to, {Forever}) >= y.end_date
            JOIN province_of po ON po.unit_code = u.unit_code
            WHERE u.level = 3 AND u.sector IN ('soe', 'private') GROUP BY ALL
        )
        SELECT province, year, sum(admitted), sum(signed), sum(unionized)
        FROM per_province GROUP BY province, year ORDER BY province, year
        """;

    private static (long Compared, int Missing, double MaxDifference, string? Worst) Compare(
        Dictionary<(string Province, int Year, string Indicator), double?> engine, Dictionary<(string Province, int Year, string Indicator), double?> hand)
    {
        long compared = 0;
        var missing = 0;
        var max = 0.0;
        string? worst = null;
        foreach (var key in engine.Keys.Union(hand.Keys))
        {
            var e = engine.GetValueOrDefault(key);
            var h = hand.GetValueOrDefault(key);
            if (e is null && h is null) continue;
            if (e is null || h is null)
            {
                missing++;
                worst ??= $"{key.Province} {key.Year} {key.Indicator}: engine {e?.ToString(CultureInfo.InvariantCulture) ?? "none"}, hand {h?.ToString(CultureInfo.InvariantCulture) ?? "none"}";
                continue;
            }
            compared++;
            var difference = Math.Abs(e.Value - h.Value);
            if (difference > max)
            {
                max = difference;
                worst = $"{key.Province} {key.Year} {key.Indicator}: engine {e.Value.ToString(CultureInfo.InvariantCulture)}, hand {h.Value.ToString(CultureInfo.InvariantCulture)}";
            }
        }
        return (compared, missing, max, worst);
    }

    // ---- (b) the engine: every target of every plan for every province.
    private static IReadOnlyList<AttainmentRow> EngineAttainment(DuckDBConnection connection, List<TargetDefinition> targets, DateOnly asOf) =>
        new Attainment(connection).EvaluateMany(targets, Provinces(connection), asOf);

    // ---- (b) by hand: per province, period, leaf code and sector, the sums the targets' figures are made of.
    private static Dictionary<(string Province, string Period, string Code, string Sector), double> HandAttainment(DuckDBConnection connection, string sql)
    {
        var sums = new Dictionary<(string, string, string, string), double>();
        using var reader = connection.Query(sql);
        while (reader.Read())
            sums[(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? "" : reader.GetString(3))] = reader.IsDBNull(4) ? 0 : reader.GetDouble(4);
        return sums;
    }

    private static IEnumerable<string> LeafCodes(TargetDefinition t)
    {
        foreach (var code in t.IndicatorCodes)
        {
            if (Rates.TryGetValue(code, out var rate))
            {
                yield return rate.Numerator;
                yield return rate.Denominator;
            }
            else
            {
                yield return code;
            }
        }
    }

    /// <summary>
    /// The periods the targets are read over as of <paramref name="asOf"/> (every year from the earliest
    /// target year with data to the as-of year, plus the as-of year's year-to-date period), and per province
    /// (as-is), period, leaf code and sector the sum over units: flows (year report, else quarters, else
    /// months), stocks (latest report in the period of units registered on its last day), ratings counted
    /// as rated / rated good or better, finance budgets reported / met, and the registry counts
    /// (cdcs_active, enterprises_unionized, upper_units_active, cdcs_opened); enterprises_unionized also
    /// restricted to units with at least N workers for each minimum size the targets use ("code>=N").
    /// </summary>
    private static string HandAttainmentSql(DuckDBConnection connection, List<TargetDefinition> targets, DateOnly asOf)
    {
        var measured = targets.Where(t => t.Measured).ToList();
        var codes = measured.SelectMany(LeafCodes).ToHashSet(StringComparer.Ordinal);
        var reported = new HashSet<string>(codes, StringComparer.Ordinal) { "workers" };
        if (codes.Overlaps(["rated", "rated_good_plus"])) reported.Add("rating");
        if (codes.Overlaps(["upper_rated", "upper_rated_good_plus"])) reported.Add("upper_rating");
        if (codes.Overlaps(["finance_budget_met", "finance_budget_reported"])) reported.UnionWith(["finance_budget", "finance_collected"]);
        var sizes = measured.Where(t => t.MinWorkers is not null).Select(t => t.MinWorkers!.Value).Distinct().Order().ToList();

        var first = measured.Min(t => t.FromYear);
        var ytd = connection.Scalar<string>($"""
            SELECT period_code FROM dim_period
            WHERE year = {asOf.Year} AND period_type IN ('quarter', 'half', 'nine_months', 'year') AND start_date = DATE '{asOf.Year}-01-01'
              AND end_date <= DATE '{asOf:yyyy-MM-dd}' ORDER BY end_date DESC LIMIT 1
            """);
        var periods = Enumerable.Range(first, asOf.Year - first).Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList();
        if (ytd is not null) periods.Add(ytd);
        // A by-date target already past is read over its year up to the end of the quarter holding its due date.
        periods.AddRange(measured.Where(t => t.Basis == TargetBasis.ByDate && t.Due is { } d && d <= asOf && d.Month <= 9)
            .Select(t => ((t.Due!.Value.Month - 1) / 3, t.Due.Value.Year) switch
            {
                (0, var y) => $"{y}-Q1",
                (1, var y) => $"{y}-H1",
                (_, var y) => $"{y}-9M",
            }).Distinct());
        string List(IEnumerable<string> items) => string.Join(", ", items.Select(i => $"'{i}'"));
        var sized = string.Join("\n", sizes.Select(n => $"""
            UNION ALL
            SELECT l.unit_id, l.period_code, 'enterprises_unionized>={n}', l.value FROM leaf l
            JOIN leaf w ON w.unit_id = l.unit_id AND w.period_code = l.period_code AND w.indicator_code = 'workers'
            WHERE l.indicator_code = 'enterprises_unionized' AND w.value >= {n}
            """));

        return $"""
            WITH RECURSIVE {ProvinceOfSql},
            sector_of AS (SELECT unit_code, arg_max(sector, valid_from) AS sector FROM dim_unit GROUP BY unit_code),
            tp AS (SELECT period_code, start_date, end_date FROM dim_period WHERE period_code IN ({List(periods)})),
            alive AS (
                SELECT tp.period_code, tp.start_date AS tp_start, u.unit_id, u.unit_code, u.level, u.sector, u.parent_code
                FROM dim_unit u JOIN tp ON u.valid_from <= tp.end_date AND coalesce(u.valid_to, {Forever}) >= tp.end_date
            ),
            f AS (
                SELECT f.unit_id, tp.period_code, tp.start_date AS tp_start, tp.end_date AS tp_end, p.period_type, p.start_date, p.end_date,
                       i.indicator_code, i.kind, f.value, f.category
                FROM fact_value f
                JOIN submission s ON s.submission_id = f.submission_id AND s.is_current
                JOIN dim_period p ON p.period_id = f.period_id
                JOIN tp ON p.start_date >= tp.start_date AND p.end_date <= tp.end_date
                JOIN dim_indicator i ON i.indicator_id = f.indicator_id
                WHERE i.indicator_code IN ({List(reported)})
            ),
            flows AS (
                SELECT unit_id, period_code, indicator_code,
                       coalesce(sum(value) FILTER (WHERE start_date = tp_start AND end_date = tp_end),
                                sum(value) FILTER (WHERE period_type = 'quarter'), sum(value) FILTER (WHERE period_type = 'month')) AS value
                FROM f WHERE kind = 'flow' AND value IS NOT NULL GROUP BY unit_id, period_code, indicator_code
            ),
            latest AS (
                SELECT f.unit_id, f.period_code, f.indicator_code, any_value(f.kind) AS kind,
                       arg_max(f.value, f.end_date) AS value, arg_max(f.category, f.end_date) AS category
                FROM f SEMI JOIN alive a ON a.unit_id = f.unit_id AND a.period_code = f.period_code
                WHERE f.kind IN ('stock', 'category') AND (f.value IS NOT NULL OR f.category IS NOT NULL)
                GROUP BY f.unit_id, f.period_code, f.indicator_code
            ),
            leaf AS (
                SELECT unit_id, period_code, indicator_code, value FROM flows
                UNION ALL
                SELECT unit_id, period_code, indicator_code, value FROM latest WHERE kind = 'stock'
                UNION ALL
                SELECT unit_id, period_code, CASE indicator_code WHEN 'rating' THEN 'rated' ELSE 'upper_rated' END, 1 FROM latest WHERE kind = 'category'
                UNION ALL
                SELECT unit_id, period_code, CASE indicator_code WHEN 'rating' THEN 'rated_good_plus' ELSE 'upper_rated_good_plus' END,
                       CASE WHEN category IN ('xuat_sac', 'tot') THEN 1 ELSE 0 END FROM latest WHERE kind = 'category'
                UNION ALL
                SELECT unit_id, period_code, 'finance_budget_reported', 1 FROM flows WHERE indicator_code = 'finance_budget'
                UNION ALL
                SELECT b.unit_id, b.period_code, 'finance_budget_met', CASE WHEN coalesce(c.value, 0) >= b.value THEN 1 ELSE 0 END
                FROM flows b LEFT JOIN flows c ON c.unit_id = b.unit_id AND c.period_code = b.period_code AND c.indicator_code = 'finance_collected'
                WHERE b.indicator_code = 'finance_budget'
                UNION ALL
                SELECT unit_id, period_code, 'cdcs_active', 1 FROM alive WHERE level = 3
                UNION ALL
                SELECT unit_id, period_code, 'enterprises_unionized', 1 FROM alive WHERE level = 3 AND sector IN ('soe', 'private')
                UNION ALL
                SELECT DISTINCT a.unit_id, a.period_code, 'upper_units_active', 1 FROM alive a
                SEMI JOIN alive g ON g.period_code = a.period_code AND g.parent_code = a.unit_code AND g.level = 3
                UNION ALL
                SELECT o.unit_id, tp.period_code, 'cdcs_opened', 1
                FROM (SELECT unit_id, min(valid_from) AS first_from FROM dim_unit WHERE level = 3 GROUP BY unit_id) o
                JOIN tp ON o.first_from BETWEEN tp.start_date AND tp.end_date
            ),
            kept AS (
                SELECT unit_id, period_code, indicator_code, value FROM leaf WHERE indicator_code IN ({List(codes)})
                {sized}
            )
            SELECT po.province, k.period_code, k.indicator_code, so.sector, sum(k.value)
            FROM kept k JOIN code_of c USING (unit_id) JOIN province_of po USING (unit_code) JOIN sector_of so USING (unit_code)
            GROUP BY ALL
            """;
    }

    // Cross-check of (b): for targets read over one whole period (not a term sum), the engine's numerator
    // and denominator against the hand sums of the same period and sectors.
    private static (long Compared, double MaxDifference, string? Worst) CompareAttainment(IReadOnlyList<AttainmentRow> rows,
        Dictionary<(string Province, string Period, string Code, string Sector), double> sums, List<TargetDefinition> targets)
    {
        var byId = targets.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var index = sums.GroupBy(s => (s.Key.Province, s.Key.Period, s.Key.Code))
            .ToDictionary(g => g.Key, g => g.Select(s => (s.Key.Sector, s.Value)).ToList());
        long compared = 0;
        var max = 0.0;
        string? worst = null;
        foreach (var row in rows)
        {
            var t = byId[row.TargetId];
            if (!t.Measured || t.Basis == TargetBasis.Term || row.PeriodCode is null || row.Numerator is null) continue;
            var (numerator, denominator) = t.IsRatio ? (t.Numerator!, t.Denominator) :
                Rates.TryGetValue(t.Indicator!, out var rate) ? (rate.Numerator, rate.Denominator) : (t.Indicator!, (string?)null);
            if (t.MinWorkers is { } n && numerator == "enterprises_unionized") numerator = $"enterprises_unionized>={n}";
            double Sum(string code) => index.TryGetValue((row.UnitCode, row.PeriodCode, code), out var parts)
                ? parts.Where(s => t.Sectors.Count == 0 || s.Sector.Length == 0 || t.Sectors.Contains(s.Sector)).Sum(s => s.Value)
                : 0;
            foreach (var (code, engine) in new[] { (numerator, row.Numerator), (denominator, row.Denominator) })
            {
                if (code is null || engine is null) continue;
                var hand = Sum(code);
                compared++;
                var difference = Math.Abs(engine.Value - hand) / Math.Max(1, Math.Abs(engine.Value));
                if (difference > max)
                {
                    max = difference;
                    worst = $"{row.TargetId} {row.UnitCode} {row.PeriodCode} {code}: engine {engine.Value.ToString(CultureInfo.InvariantCulture)}, hand {hand.ToString(CultureInfo.InvariantCulture)}";
                }
            }
        }
        return (compared, max, worst);
    }
}
