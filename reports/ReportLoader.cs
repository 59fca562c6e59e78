using Analytics.Warehouse.Vocabulary;
using System.Globalization;
using Analytics.Reports.Charts;
using Analytics.Reports.Data;
using Analytics.Warehouse.Completeness;
using Analytics.Warehouse.Store;
using Dapper;
using DuckDB.NET.Data;
using Analytics.Warehouse.Figures;
using Analytics.Warehouse.Refresh;
using Analytics.Warehouse.Attainment;
using Analytics.Warehouse.Plans;
using MetricTrendPoint = Analytics.Warehouse.Figures.TrendPoint;

namespace Analytics.Reports;

/// <summary>
/// Fills the report data records from the warehouse: figures, the ratings by sector among them, from
/// the metrics API (<see cref="Metrics"/>, <see cref="Attainment"/>), the rest (names, the submissions
/// behind a report) with SQL over the warehouse tables. Tables by child unit use the
/// organisation as it was at the period's end (as-was); the unit's own trends are restated on
/// today's organisation (as-is), so a reorganisation does not show as a jump.
/// </summary>
public sealed partial class ReportLoader
{
    /// <summary>The monthly report's key indicators, in table order.</summary>
    public static readonly IReadOnlyList<string> MonthlyIndicators =
        ["members", "members_admitted", "members_left", "cdcs_founded", "membership_rate", "finance_collected", "finance_attainment"];

    /// <summary>The rate indicators child units are ranked on (annual report, conference pack).</summary>
    public static readonly IReadOnlyList<string> RankingIndicators =
        ["membership_rate", "cba_coverage", "finance_attainment", "rated_good_plus_share"];

    private readonly DuckDBConnection _connection;
    private readonly TimeProvider _clock;
    private readonly bool _english;
    private readonly Metrics _metrics;
    private readonly Dictionary<string, (string Name, string Unit, string ValueType, string Kind)> _catalog = [];

    public ReportLoader(DuckDBConnection connection, TimeProvider clock, bool english)
    {
        _connection = connection;
        _clock = clock;
        _english = english;
        _metrics = new Metrics(connection);
        // In catalog order: the annual report lists its indicators in the order of _catalog.
        foreach (var row in connection.Query<CatalogRow>("SELECT indicator_code, name_vi, name_en, unit_vi, unit_en, value_type, kind FROM dim_indicator ORDER BY indicator_id"))
        {
            _catalog[row.IndicatorCode] = (english ? row.NameEn : row.NameVi, english ? row.UnitEn : row.UnitVi, row.ValueType, row.Kind);
        }
    }

    private sealed record CatalogRow(string IndicatorCode, string NameVi, string NameEn, string UnitVi, string UnitEn, string ValueType, string Kind);

    private DateTimeOffset Now => _clock.GetUtcNow();

    // Completeness and "as of" read in Vietnam time, like the deadlines.
    private DateTime AsOf => new VietnamClock(_clock).Now.DateTime;

    public static PeriodRef ParsePeriod(string text) =>
        PeriodParser.TryParse(text, out var period, out var error) ? period : throw new ArgumentException(error.In(false));

    public MonthlyReportData Monthly(string unitCode, string periodText)
    {
        var month = ParsePeriod(periodText);
        if (month.Type != PeriodType.Month) throw new ArgumentException(_english ? $"The monthly report needs a month (e.g. 2024-05), not '{periodText}'." : $"Báo cáo tháng cần một tháng (ví dụ 2024-05), không phải '{periodText}'.");
        var unitName = UnitName(unitCode, month.End);
        var cumulative = Cumulative(month.Year, month.Seq);
        var lastYear = Cumulative(month.Year - 1, month.Seq);
        var indicators = Columns(MonthlyIndicators);
        var figures = new List<MonthlyFigure>();
        var children = new Dictionary<string, string>();
        foreach (var indicator in indicators)
        {
            // Only indicators units report monthly have a figure for the month; for the others the
            // metrics would add up nothing and show 0, which reads as a real zero.
            var monthly = _connection.Scalar<long>("""
                SELECT count(*) FROM fact_value f
                JOIN dim_indicator i ON i.indicator_id = f.indicator_id AND i.indicator_code = $1
                JOIN dim_period p ON p.period_id = f.period_id AND p.period_type = 'month' AND p.year = $2
                """, indicator.Code, month.Year) > 0;
            var byMonth = monthly ? ForChildren(indicator.Code, unitCode, month.Code) : new Dictionary<string, double>();
            var byYtd = ForChildren(indicator.Code, unitCode, cumulative.Code);
            var byLastYear = ForChildren(indicator.Code, unitCode, lastYear.Code);
            foreach (var code in byYtd.Keys.Union(byMonth.Keys).Union(byLastYear.Keys).Order(StringComparer.Ordinal))
            {
                var name = children.TryGetValue(code, out var known) ? known : children[code] = UnitName(code, month.End);
                figures.Add(new(code, name, indicator.Code, Find(byMonth, code), Find(byYtd, code), Find(byLastYear, code)));
            }
            figures.Add(new(unitCode, unitName, indicator.Code, monthly ? Value(indicator.Code, unitCode, month.Code, Hierarchy.AsWas) : null,
                Value(indicator.Code, unitCode, cumulative.Code, Hierarchy.AsWas), Value(indicator.Code, unitCode, lastYear.Code, Hierarchy.AsWas)));
        }

        // Grassroots report quarterly: completeness is that of the quarter the year-to-date figures end with.
        var quarter = month.Seq >= 3 ? PeriodRef.Quarter(month.Year, (month.Seq / 3)) : PeriodRef.Quarter(month.Year - 1, 4);
        var completeness = CompletenessReport.Compute(_connection, quarter.Code, AsOf, unitCode);
        var trend = new List<PeriodValue>();
        for (var q = 0; q < 8; q++)
        {
            var back = (quarter.Year * 4) + quarter.Seq - 1 - (7 - q);
            var p = PeriodRef.Quarter(back / 4, (back % 4) + 1);
            foreach (var indicator in indicators)
            {
                if (Value(indicator.Code, unitCode, p.Code, Hierarchy.AsIs) is { } v) trend.Add(new(indicator.Code, p.Code, p.Label(Lang), v));
            }
        }
        var header = Header(unitCode, unitName, month, new DateOnly(month.Year, 1, 1), month.End, completeness) with
        {
            StockNotes = StockNotes(unitCode, cumulative.Code == quarter.Code ? [(cumulative, Hierarchy.AsWas)] : [(cumulative, Hierarchy.AsWas), (quarter, Hierarchy.AsIs)]),
        };
        var sameLabel = _english ? $"cumulative to {cumulative.Label(Lang)} against {lastYear.Label(Lang)}" : $"lũy kế đến hết {cumulative.Label(Lang)} so với {lastYear.Label(Lang)}";
        return new MonthlyReportData(header, quarter.Code, sameLabel, indicators,
            children.Select(c => new ChildUnit(c.Key, c.Value)).OrderBy(c => c.UnitCode, StringComparer.Ordinal).ToList(), figures, completeness, trend);
    }

    /// <summary>
    /// The cumulative period from January a monthly report compares: the longest of Q1, H1, 9M and the year
    /// that is over by the end of <paramref name="month"/> (grassroots report quarterly); January and
    /// February only have their months.
    /// </summary>
    public static PeriodRef Cumulative(int year, int month) => month switch
    {
        12 => PeriodRef.WholeYear(year),
        >= 9 => PeriodRef.NineMonths(year),
        >= 6 => PeriodRef.Half(year, 1),
        >= 3 => PeriodRef.Quarter(year, 1),
        _ => PeriodRef.Month(year, month),
    };

    public AnnualReportData Annual(string unitCode, string periodText)
    {
        var period = ParsePeriod(periodText);
        var year = period.Year;
        var yearPeriod = PeriodRef.WholeYear(year);
        var unitName = UnitName(unitCode, yearPeriod.End);
        var termStart = TermStart(year);
        var term = $"{termStart}-{termStart + 4}";
        var values = new List<UnitIndicatorValue>();
        var previous = new List<UnitIndicatorValue>();
        var trend = new List<PeriodValue>();
        var children = new Dictionary<string, string>();
        var used = new List<string>();
        // Children as on the year's last day; one pass per indicator gives this year and last year for
        // them and for the unit (as-was), a second the unit's term trend restated as-is.
        var childCodes = _connection.Query<string>("""
            SELECT DISTINCT unit_code FROM dim_unit WHERE parent_code = $unit AND valid_from <= $last_day AND coalesce(valid_to, DATE '9999-12-31') >= $last_day ORDER BY 1
            """, new { unit = unitCode, last_day = yearPeriod.End.ToDateTime(TimeOnly.MinValue) }).AsList();
        var scope = childCodes.Append(unitCode).ToList();
        var known = _metrics.KnownIndicators().ToHashSet(StringComparer.Ordinal);
        var figures = _prefetched is { } batch && batch.Year == year && scope.All(batch.Units.Contains)
            ? batch.Figures
            : YearFigures([unitCode], scope, year, termStart);
        foreach (var (code, meta) in _catalog)
        {
            if (meta.Kind == "category" || !known.Contains(code)) continue; // ratings are counted by sector instead
            if (scope.All(u => figures.AsWas(code, u, year) is null)) continue;
            used.Add(code);
            foreach (var child in childCodes)
            {
                if (figures.AsWas(code, child, year) is { } v)
                {
                    if (!children.ContainsKey(child)) children[child] = UnitName(child, yearPeriod.End);
                    values.Add(new(child, code, v));
                }
                if (code == "members_admitted" && figures.AsWas(code, child, year - 1) is { } before) previous.Add(new(child, code, before));
            }
            if (figures.AsWas(code, unitCode, year) is { } total) values.Add(new(unitCode, code, total));
            for (var y = termStart; y <= year; y++)
            {
                if (figures.AsIs(code, unitCode, y) is { } v) trend.Add(new(code, y.ToString(CultureInfo.InvariantCulture), PeriodRef.WholeYear(y).Label(Lang), v));
            }
        }
        // The cover needs the unit's own counts only, which a batch's completeness holds for every province.
        var completeness = _prefetched is { } b && b.Year == year && b.Completeness.Units.Any(u => u.UnitCode == unitCode)
            ? b.Completeness
            : CompletenessReport.Compute(_connection, yearPeriod.Code, AsOf, unitCode);
        var header = Header(unitCode, unitName, yearPeriod, yearPeriod.Start, yearPeriod.End, completeness,
            _prefetched is { } s && s.Year == year && s.Submissions.TryGetValue(unitCode, out var counted) ? counted : null);
        header = header with { StockNotes = StockNotes(unitCode, [(yearPeriod, Hierarchy.AsWas)]) };
        return new AnnualReportData(header, year, term, Columns(used),
            children.Select(c => new ChildUnit(c.Key, c.Value)).OrderBy(c => c.UnitCode, StringComparer.Ordinal).ToList(),
            values, trend, RankingIndicators.Where(used.Contains).ToList(),
            _prefetched is { } r && r.Year == year && r.Ratings.TryGetValue(unitCode, out var batchRatings) ? batchRatings : Ratings([unitCode], year)[unitCode], previous);
    }

    /// <summary>
    /// Every indicator's yearly figure for an annual report: <paramref name="year"/> and the year before
    /// for the units in <paramref name="scope"/> as-was, the term so far for the unit itself as-is.
    /// Read in two queries from the analyst view v_rollup (sums per leaf code over the refresh tables:
    /// the very sums the metrics API adds up for whole years); a rate is the ratio of its two sums as
    /// v_rollup_rate defines it, and no figure when the numerator has no rows or the denominator is not
    /// positive, as in the metrics API. One metrics call per indicator and hierarchy (≈ 100 per province)
    /// was most of a report's loading time. Stale tables that this connection cannot refresh, or rate
    /// definitions that cannot be read, send every figure through <see cref="Metrics"/> as before.
    /// </summary>
    private YearFigureSet YearFigures(IReadOnlyCollection<string> owners, IReadOnlyList<string> scope, int year, int termStart)
    {
        var set = new YearFigureSet();
        if (!MetricTables.IsFresh(_connection))
        {
            // The metrics API rebuilds stale tables when the connection can write; ask it once.
            _metrics.Get("members", owners.First(), year.ToString(CultureInfo.InvariantCulture), Hierarchy.AsWas);
        }
        var rates = RateParts();
        if (!MetricTables.IsFresh(_connection) || rates.Count == 0)
        {
            foreach (var code in _metrics.KnownIndicators())
            {
                foreach (var (unit, points) in _metrics.TrendFor(code, scope, year - 1, year, Hierarchy.AsWas))
                    foreach (var point in points) set.Add("as-was", unit, point.Year, code, point.Value.Value);
                foreach (var owner in owners)
                    foreach (var point in _metrics.Trend(code, owner, termStart, year, Hierarchy.AsIs)) set.Add("as-is", owner, point.Year, code, point.Value.Value);
            }
            return set;
        }
        ReadSums(set, "as-was", scope, [year - 1, year]);
        ReadSums(set, "as-is", owners, Enumerable.Range(termStart, year - termStart + 1).ToList());
        set.AddRates(rates);
        return set;
    }

    private (int Year, HashSet<string> Units, YearFigureSet Figures, CompletenessReport.Result Completeness,
        Dictionary<string, List<SectorRating>> Ratings, Dictionary<string, (long Count, DateTime? Last)> Submissions)? _prefetched;

    /// <summary>
    /// Reads the yearly figures of every indicator for the annual reports of all <paramref name="unitCodes"/>
    /// (e.g. every province) in two queries; <see cref="Annual"/> then takes its figures from them instead
    /// of querying per unit, and the completeness counts of every unit at levels 0 and 1, the ratings by
    /// sector and the submission counts of their subtrees in one pass each too.
    /// The figures are those <see cref="Annual"/> would read itself.
    /// </summary>
    public void PrefetchAnnual(IReadOnlyCollection<string> unitCodes, string periodText)
    {
        var year = ParsePeriod(periodText).Year;
        var end = PeriodRef.WholeYear(year).End.ToDateTime(TimeOnly.MinValue);
        var scope = _connection.Query<string>($"""
            SELECT DISTINCT unit_code FROM dim_unit
            WHERE parent_code IN ({Literals(unitCodes)}) AND valid_from <= $last_day AND coalesce(valid_to, DATE '9999-12-31') >= $last_day ORDER BY 1
            """, new { last_day = end }).AsList();
        scope.AddRange(unitCodes);
        var yearPeriod = PeriodRef.WholeYear(year);
        var ratings = Ratings(unitCodes, year);
        var submissions = unitCodes.ToDictionary(u => u, _ => (0L, (DateTime?)null), StringComparer.Ordinal);
        foreach (var row in _connection.Query<SubmissionCount>(SubtreesSql(unitCodes) + SubmissionsSql,
            new { last_day = yearPeriod.End.ToDateTime(TimeOnly.MinValue), first_day = yearPeriod.Start.ToDateTime(TimeOnly.MinValue) }))
            submissions[row.Root] = (row.Submissions, row.LastReceived);
        _prefetched = (year, scope.ToHashSet(StringComparer.Ordinal), YearFigures(unitCodes, scope, year, TermStart(year)),
            CompletenessReport.Compute(_connection, yearPeriod.Code, AsOf, null), ratings, submissions);
    }

    private static int TermStart(int year) => 2021 + (5 * (int)Math.Floor((year - 2021) / 5.0));

    // Codes come from the registry; quoted as SQL literals (a batch holds a thousand units, too many parameters).
    private static string Literals(IEnumerable<string> codes) => string.Join(", ", codes.Select(c => "'" + c.Replace("'", "''", StringComparison.Ordinal) + "'"));

    private void ReadSums(YearFigureSet set, string hierarchy, IEnumerable<string> units, IReadOnlyList<int> years)
    {
        // Years are our own integers, written as literals so the filter reaches the table scan.
        var periods = string.Join(", ", years.Select(y => $"'{y.ToString(CultureInfo.InvariantCulture)}'"));
        // v_rollup has one row per sector; a figure over the whole subtree adds them up.
        var sums = _connection.Query<RollupSum>($"""
            SELECT unit_code, period_code, indicator_code, sum(value)::DOUBLE AS value FROM v_rollup
            WHERE hierarchy = $hierarchy AND unit_code IN ({Literals(units)}) AND period_code IN ({periods})
            GROUP BY ALL
            """, new { hierarchy });
        foreach (var row in sums)
            set.Add(hierarchy, row.UnitCode, int.Parse(row.PeriodCode, CultureInfo.InvariantCulture), row.IndicatorCode, row.Value);
    }

    private sealed record RollupSum(string UnitCode, string PeriodCode, string IndicatorCode, double? Value);

    private IReadOnlyDictionary<string, (string Numerator, string Denominator)>? _rateParts;

    // The rates and their parts as the analyst view v_rollup_rate lists them, read from the view's own
    // text: querying the view itself aggregates every unit of the country before filtering (≈ 40 s a
    // question on the national sample), and a copy of the list here could drift from the warehouse's.
    // The catalog's rate definitions, as the metrics API and v_rollup_rate read them.
    private IReadOnlyDictionary<string, (string Numerator, string Denominator)> RateParts() => _rateParts ??= _metrics.Definitions.Rates;

    public PlanScorecardData Plan(string planId, string? unitCode, string periodText, PlanCatalog? plans = null)
    {
        var catalog = plans ?? PlanCatalog.Embedded;
        var plan = catalog.Get(planId);
        var period = ParsePeriod(periodText);
        var unit = unitCode ?? plan.IssuerCode;
        var today = DateOnly.FromDateTime(AsOf);
        var asOf = period.End < today ? period.End : today;
        var rows = new Attainment(_connection, catalog).Evaluate(planId, unit, asOf, Hierarchy.AsIs);
        var targets = rows.Select(r => ToResult(r, plan)).ToList();
        var unitName = UnitName(unit, period.End);
        var completeness = CompletenessReport.Compute(_connection, PeriodRef.WholeYear(period.Year).Code, AsOf, unit);
        var header = Header(unit, unitName, period, new DateOnly(plan.TermStart, 1, 1), asOf, completeness) with
        {
            PeriodLabel = _english ? $"{period.Label(Lang)} (as of {asOf:dd/MM/yyyy})" : $"{period.Label(Lang)} (tính đến ngày {asOf:dd/MM/yyyy})",
        };
        var inPeriod = plan.Targets.Count(t => t.Measured && t.FromYear <= period.Year && period.Year <= t.ToYear);
        return new PlanScorecardData(header, plan.PlanId, plan.Number ?? plan.PlanId, _english ? plan.TitleEn : plan.TitleVi, plan.Term, targets, inPeriod);
    }

    /// <summary>The plans issued by <paramref name="unitCode"/> whose term covers the period's year.</summary>
    public static IReadOnlyList<string> PlansIssuedBy(string unitCode, int year, PlanCatalog? plans = null) =>
        (plans ?? PlanCatalog.Embedded).Plans
            .Where(p => p.IssuerCode == unitCode && p.TermStart <= year && p.TermEnd >= year && p.Targets.Any(t => t.Measured))
            .Select(p => p.PlanId).ToList();

    private TargetResult ToResult(AttainmentRow r, PlanDefinition plan)
    {
        var target = plan.Targets.First(t => t.Id == r.TargetId);
        var format = r.Measure switch
        {
            "share" => ValueFormat.Percent,
            "average" => ValueFormat.Decimal,
            _ => ValueFormat.Count,
        };
        var status = r.Status switch
        {
            AttainmentStatus.Achieved => TargetStatus.Achieved,
            AttainmentStatus.OnTrack => TargetStatus.OnTrack,
            AttainmentStatus.AtRisk => TargetStatus.AtRisk,
            AttainmentStatus.Missed => TargetStatus.NotAchieved,
            AttainmentStatus.NotYetDue => TargetStatus.NotYetDue,
            AttainmentStatus.NoData => TargetStatus.NoData,
            _ => TargetStatus.NotMeasured,
        };
        return new TargetResult(r.TargetId, r.Group, Excel.ReportWords.Group(r.Group, _english), _english ? r.TextEn : r.TextVi,
            _english ? target.ShortEn : target.ShortVi, r.PeriodCode ?? "",
            r.Actual, r.TargetValue ?? r.TargetMin, TargetText(target, format), r.Ratio, status, _english ? r.ExplanationEn : r.ExplanationVi, format);
    }

    private string TargetText(TargetDefinition t, ValueFormat format)
    {
        // The target as the plan writes it, in the one number format of the language: "≥ 90 %", "≥ 18.000".
        var lang = Languages.From(_english);
        string F(double? v) => v is not { } x ? "" : format switch
        {
            ValueFormat.Percent => lang.Number(x * 100, 1) + Formats.Space + "%",
            ValueFormat.Decimal => lang.Number(x, 2),
            _ => lang.Count(x),
        };
        // The plan files' ASCII comparisons (>=, <=) as a reader writes them; dim_target keeps the ASCII.
        var symbol = t.Comparison switch { TargetComparison.AtLeast => "≥", TargetComparison.AtMost => "≤", _ => t.ComparisonSymbol };
        return t.Comparison == TargetComparison.Between ? $"{F(t.Min)} – {F(t.Max)}" : $"{symbol} {F(t.Value)}";
    }

    private string Lang => _english ? "en" : "vi";

    private List<IndicatorColumn> Columns(IEnumerable<string> codes) => codes
        .Where(_catalog.ContainsKey)
        .Select(c => new IndicatorColumn(c, _catalog[c].Name, _catalog[c].Unit, _catalog[c].ValueType switch
        {
            "rate" => c == "party_introduced_per_cdcs" ? ValueFormat.Decimal : ValueFormat.Percent,
            _ => ValueFormat.Count,
        }))
        .ToList();

    private Dictionary<string, double> ForChildren(string indicator, string unitCode, string periodCode) =>
        _metrics.ForChildren(indicator, unitCode, periodCode, Hierarchy.AsWas)
            .Where(v => v.Value is not null)
            .ToDictionary(v => v.UnitCode, v => v.Value!.Value);

    // A child without a figure has none (an empty cell), not a zero.
    private static double? Find(Dictionary<string, double> values, string code) => values.TryGetValue(code, out var v) ? v : null;

    private double? Value(string indicator, string unitCode, string periodCode, Hierarchy hierarchy) =>
        _metrics.Get(indicator, unitCode, periodCode, hierarchy).Value;

    /// <summary>The unit's name in its window at <paramref name="date"/>, else its latest name.</summary>
    private string UnitName(string unitCode, DateOnly date) =>
        _connection.Scalar<string?>("""
            SELECT name FROM dim_unit WHERE unit_code = $1
            ORDER BY (valid_from <= $2 AND coalesce(valid_to, DATE '9999-12-31') >= $2) DESC, valid_from DESC LIMIT 1
            """, unitCode, date.ToDateTime(TimeOnly.MinValue))
        ?? throw new ArgumentException(_english ? $"Unknown unit '{unitCode}'." : $"Không có đơn vị '{unitCode}' trong danh mục.");

    // Grassroots unions by sector and rating for the year in the subtree of each unit: the engine's figure
    // (Metrics.Ratings), whose counts add up to rated and rated_good_plus. As-was, the hierarchy the annual
    // report's year figures for the unit and its children use (YearFigures), so the sheet and the
    // rated_good_plus_share column of the same workbook count the same units.
    private Dictionary<string, List<SectorRating>> Ratings(IReadOnlyCollection<string> unitCodes, int year) =>
        _metrics.Ratings(unitCodes, year, Hierarchy.AsWas).ToDictionary(
            r => r.Key, r => r.Value.Select(c => new SectorRating(c.Sector, c.Category, c.Units)).ToList(), StringComparer.Ordinal);

    private sealed record SubmissionCount(string Root, long Submissions, DateTime? LastReceived);

    // Per subtree root: current accepted submissions of its units (as of $last_day, the range's end) for periods inside $first_day … $last_day.
    private const string SubmissionsSql = """
        SELECT sub.root, count(*) AS submissions, max(s.received_at) AS last_received
        FROM submission s JOIN dim_period p ON p.period_code = s.period_code
        JOIN sub ON sub.code = s.unit_code
        WHERE s.is_current AND p.start_date >= $first_day AND p.end_date <= $last_day
        GROUP BY ALL
        """;

    // The subtrees of the given units as on $last_day, as (root, code) pairs; the roots are registry codes, quoted.
    private static string SubtreesSql(IEnumerable<string> roots) => $"""
        WITH RECURSIVE sub(root, code) AS (
            SELECT r, r FROM (SELECT unnest([{Literals(roots)}]::VARCHAR[]) AS r)
            UNION
            SELECT sub.root, u.unit_code FROM dim_unit u JOIN sub ON u.parent_code = sub.code
            WHERE u.valid_from <= $last_day AND coalesce(u.valid_to, DATE '9999-12-31') >= $last_day)

        """;

    /// <summary>The stocks whose totals a report qualifies when units did not report (the headline one).</summary>
    public static readonly IReadOnlyList<string> NotedStocks = ["members"];

    /// <summary>
    /// One sentence per noted stock and period whose total leaves out grassroots unions that did not
    /// report: the share behind the total, and the total with their latest figures carried forward
    /// (<see cref="Metrics.CarryForward"/>, the same engine as v_rollup_carry_forward).
    /// </summary>
    private List<string> StockNotes(string unitCode, IReadOnlyList<(PeriodRef Period, Hierarchy Hierarchy)> periods)
    {
        var notes = new List<string>();
        var lang = Languages.From(_english);
        foreach (var code in NotedStocks)
        {
            if (!_catalog.TryGetValue(code, out var indicator)) continue;
            // Stocks are reported for quarters and longer; a month has no stock total to qualify.
            foreach (var (period, hierarchy) in periods.Where(p => p.Period.Type != PeriodType.Month))
            {
                var f = _metrics.CarryForward(code, unitCode, period.Code, hierarchy);
                if (f.ActiveGrassroots == 0 || f.ReportingUnits >= f.ActiveGrassroots) continue;
                var missing = f.ActiveGrassroots - f.ReportingUnits;
                var share = lang.Percent(f.ReportingShare!.Value);
                var reported = f.Reported is { } r ? lang.Count(r) : "—";
                var name = indicator.Name;
                var carried = f.CarriedUnits > 0 && f.Value is { } v
                    ? _english
                        ? $" With the latest figures of {lang.Count(f.CarriedUnits)} of them (at most {f.CarryForwardQuarters} quarters old), it would be {lang.Count(v)}."
                        : $" Nếu tính số liệu gần nhất của {lang.Count(f.CarriedUnits)} đơn vị trong số đó (cũ nhất {f.CarryForwardQuarters} quý), tổng là {lang.Count(v)}."
                    : "";
                notes.Add(_english
                    ? $"{name}, {period.Label(Lang)}: {reported} covers the {lang.Count(f.ReportingUnits)} of {lang.Count(f.ActiveGrassroots)} grassroots unions that reported ({share}); {lang.Count(missing)} did not report and count nothing.{carried}"
                    : $"{name}, {period.Label(Lang)}: {reported} là tổng của {lang.Count(f.ReportingUnits)}/{lang.Count(f.ActiveGrassroots)} CĐCS đã báo cáo ({share}); {lang.Count(missing)} CĐCS chưa báo cáo không được tính.{carried}");
            }
        }
        return notes;
    }

    private ReportHeader Header(string unitCode, string unitName, PeriodRef period, DateOnly from, DateOnly to, CompletenessReport.Result completeness,
        (long Count, DateTime? Last)? counted = null)
    {
        var (used, last) = counted ?? Submissions(unitCode, from, to);
        var own = completeness.Units.FirstOrDefault(u => u.UnitCode == unitCode);
        var provenance = new ReportProvenance(used, own?.Expected ?? 0, own?.Received ?? 0, own?.Late ?? 0, own?.Missing ?? 0, last, AsOf);
        return new ReportHeader(unitCode, unitName, period.Code, period.Label(Lang), Now, provenance, _english);
    }

    // Current accepted submissions of units in the subtree (as of the range's end) for periods inside the range.
    private (long Count, DateTime? Last) Submissions(string unitCode, DateOnly from, DateOnly to)
    {
        var row = _connection.Query<SubmissionCount>(SubtreesSql([unitCode]) + SubmissionsSql,
            new { last_day = to.ToDateTime(TimeOnly.MinValue), first_day = from.ToDateTime(TimeOnly.MinValue) }).FirstOrDefault();
        return row is null ? (0, null) : (row.Submissions, row.LastReceived);
    }
}
