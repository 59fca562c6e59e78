using Analytics.Warehouse.Figures;
using Analytics.Warehouse.Vocabulary;
using System.Globalization;
using Analytics.Warehouse.Store;
using Dapper;
using DuckDB.NET.Data;
using Analytics.Warehouse.Plans;

namespace Analytics.Warehouse.Attainment;

/// <summary>
/// Attainment of plan targets (docs/plans.md for the shapes, docs/analyst-guide.md for the status rules):
/// for a target, a unit (default: the plan's issuer) and an as-of date, the actual figure, the target,
/// the ratio and a status with its explanation in Vietnamese and English.
/// </summary>
public sealed partial class Attainment(DuckDBConnection connection, PlanCatalog? plans = null)
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    private readonly Metrics _metrics = new(connection);
    private readonly PlanCatalog _plans = plans ?? PlanCatalog.Embedded;
    private HashSet<string>? _flows;

    /// <summary>Every target of the plan, in plan order, for <paramref name="unitCode"/> (default: the issuer) as of <paramref name="asOf"/>.
    /// Not-measured targets are listed with status not_measured.</summary>
    public IReadOnlyList<AttainmentRow> Evaluate(string planId, string? unitCode, DateOnly asOf, Hierarchy hierarchy = Hierarchy.AsIs)
    {
        var plan = _plans.Get(planId);
        return EvaluateMany(plan.Targets, [unitCode ?? plan.IssuerCode], asOf, hierarchy);
    }

    /// <summary>One target for one unit as of a date.</summary>
    public AttainmentRow EvaluateTarget(TargetDefinition target, string unitCode, DateOnly asOf, Hierarchy hierarchy = Hierarchy.AsIs) =>
        EvaluateMany([target], [unitCode], asOf, hierarchy)[0];

    /// <summary>Every target for every unit (target-major order). The figures come from one query for the targets
    /// without a size restriction (stored sums for upper-level units as-is), one for every size-restricted target
    /// together, and one per period the refresh tables do not hold.</summary>
    public IReadOnlyList<AttainmentRow> EvaluateMany(IReadOnlyList<TargetDefinition> targets, IReadOnlyCollection<string> unitCodes, DateOnly asOf,
        Hierarchy hierarchy = Hierarchy.AsIs)
    {
        var plansNeeded = targets.Select(t => (Target: t, Plan: PlanOf(t))).Select(x => (x.Target, Periods: Plan(x.Target, asOf))).ToList();
        var scopes = Scopes(unitCodes, hierarchy);
        var evaluatedOn = scopes.Values.Select(s => s.EvaluatedOn).Distinct(StringComparer.Ordinal).ToList();
        // What each minimum size (0: none) reads: period -> the target codes read over it.
        var needs = new Dictionary<int, Dictionary<string, HashSet<string>>>();
        foreach (var (target, periods) in plansNeeded.Where(x => x.Target.Measured))
        {
            var size = target.MinWorkers ?? 0;
            if (!needs.TryGetValue(size, out var byPeriod)) needs[size] = byPeriod = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var period in periods.Read(target))
            {
                if (!byPeriod.TryGetValue(period, out var codes)) byPeriod[period] = codes = new HashSet<string>(StringComparer.Ordinal);
                codes.UnionWith(target.IndicatorCodes);
            }
        }
        var figureSets = needs.Keys.ToDictionary(size => size, _ => new FigureSet());
        var sized = new List<(int MinWorkers, string Period, string Code)>();
        foreach (var (size, byPeriod) in needs)
        {
            var minWorkers = size == 0 ? (int?)null : size;
            // Stored periods in one query (per size, or all sizes together); a period computed from the facts (a
            // deadline inside a quarter) only for the codes of the targets read over it.
            var stored = byPeriod.Keys.Where(_metrics.IsStored).ToList();
            if (size == 0 && stored.Count > 0)
                _metrics.Load(evaluatedOn, stored, _metrics.LeafCodes(stored.SelectMany(p => byPeriod[p])), hierarchy, null, null, figureSets[0]);
            else
                foreach (var period in stored)
                    sized.AddRange(_metrics.LeafCodes(byPeriod[period]).Select(code => (size, period, code)));
            foreach (var period in byPeriod.Keys.Where(p => !_metrics.IsStored(p)))
                _metrics.Load(evaluatedOn, [period], _metrics.LeafCodes(byPeriod[period]), hierarchy, minWorkers, null, figureSets[size]);
        }
        if (sized.Count > 0) _metrics.LoadSized(evaluatedOn, sized, hierarchy, figureSets);
        var rows = new List<AttainmentRow>();
        foreach (var (target, periods) in plansNeeded)
            foreach (var unit in unitCodes)
                rows.Add(Assess(target, scopes[unit], asOf, hierarchy, periods, target.Measured ? figureSets[target.MinWorkers ?? 0] : null));
        return rows;
    }

    /// <summary>Writes the attainment of every target of every plan for its issuer as of <paramref name="asOf"/> into metric_attainment (as-is).</summary>
    public long Materialize(DateOnly asOf)
    {
        var known = connection.Query<string>("SELECT DISTINCT unit_code FROM dim_unit").ToHashSet(StringComparer.Ordinal);
        var rows = new List<AttainmentRow>();
        foreach (var plan in _plans.Plans.Where(p => known.Contains(p.IssuerCode)))
            rows.AddRange(EvaluateMany(plan.Targets, [plan.IssuerCode], asOf));
        using var tx = connection.BeginTransaction();
        connection.Execute("DELETE FROM metric_attainment");
        using (var appender = connection.CreateAppender("metric_attainment"))
        {
            var now = DateTime.UtcNow;
            foreach (var r in rows)
                appender.CreateRow().AppendValue(r.PlanId).AppendValue(r.TargetId).AppendValue(r.UnitCode).AppendValue(r.AsOf).AppendValue(HierarchyCode(r.Hierarchy))
                    .AppendValue(r.PeriodCode).AppendValue(r.Actual).AppendValue(r.Numerator).AppendValue(r.Denominator).AppendValue(r.Projected).AppendValue(r.Ratio)
                    .AppendValue(r.StatusCode).AppendValue(r.ExplanationVi).AppendValue(r.ExplanationEn).AppendValue(now).AppendValue(r.EvaluatedOn).EndRow();
            appender.Close();
        }
        tx.Commit();
        return rows.Count;
    }

    /// <summary>The status code used in views, CSV and JSON.</summary>
    public static string Code(AttainmentStatus status) => status switch
    {
        AttainmentStatus.Achieved => "achieved",
        AttainmentStatus.OnTrack => "on_track",
        AttainmentStatus.AtRisk => "at_risk",
        AttainmentStatus.Missed => "missed",
        AttainmentStatus.NotYetDue => "not_yet_due",
        AttainmentStatus.NoData => "no_data",
        AttainmentStatus.NotMeasured => "not_measured",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>as-is / as-was, as written in views and on the command line.</summary>
    public static string HierarchyCode(Hierarchy hierarchy) => hierarchy == Hierarchy.AsIs ? "as-is" : "as-was";

    private PlanDefinition? PlanOf(TargetDefinition target) => _plans.Plans.FirstOrDefault(p => p.PlanId == target.PlanId);

    /// <summary>The periods a target is read over as of a date (see docs/analyst-guide.md, "Attainment").</summary>
    private sealed record PeriodPlan(string? Main, string? Fallback, string? Baseline, IReadOnlyList<string> TermParts, bool Running, double Elapsed, DateOnly? Start)
    {
        /// <summary>The periods whose figures the assessment reads: a term's are its parts (Main only names the term).</summary>
        public IEnumerable<string> Read(TargetDefinition t) =>
            t.Basis == TargetBasis.Term ? TermParts : new[] { Main, Fallback, Baseline }.OfType<string>();
    }

    // Complete quarters of the as-of year: 0 → none, 1 → Q1, 2 → H1, 3 → 9M, 4 → the year.
    private static (string? Code, double Elapsed) YearToDate(DateOnly asOf)
    {
        var quarters = asOf.Month / 3 - (asOf.Month % 3 == 0 && asOf.Day < DateTime.DaysInMonth(asOf.Year, asOf.Month) ? 1 : 0);
        return quarters switch
        {
            <= 0 => (null, 0),
            1 => (PeriodRef.Quarter(asOf.Year, 1).Code, 0.25),
            2 => (PeriodRef.Half(asOf.Year, 1).Code, 0.5),
            3 => (PeriodRef.NineMonths(asOf.Year).Code, 0.75),
            _ => (PeriodRef.WholeYear(asOf.Year).Code, 1),
        };
    }

    private static PeriodPlan Plan(TargetDefinition t, DateOnly asOf)
    {
        var start = new DateOnly(t.FromYear, 1, 1);
        if (asOf < start) return new PeriodPlan(null, null, null, [], false, 0, start);
        var (ytd, elapsed) = YearToDate(asOf);
        switch (t.Basis)
        {
            case TargetBasis.EachYear:
            {
                if (asOf.Year > t.ToYear) return new PeriodPlan(t.ToYear.ToString(En), null, null, [], false, 1, start);
                if (ytd is null || elapsed >= 1)
                {
                    var year = ytd is null ? asOf.Year - 1 : asOf.Year;
                    return year < t.FromYear ? new PeriodPlan(null, null, null, [], true, 0, start) : new PeriodPlan(year.ToString(En), null, null, [], false, 1, start);
                }
                var previous = asOf.Year - 1 >= t.FromYear ? (asOf.Year - 1).ToString(En) : null;
                return new PeriodPlan(ytd, previous, null, [], true, elapsed, start);
            }
            case TargetBasis.Term:
            {
                var parts = new List<string>();
                var last = Math.Min(t.ToYear, asOf.Year);
                for (var y = t.FromYear; y <= last; y++)
                {
                    if (y < asOf.Year || asOf.Year > t.ToYear) parts.Add(y.ToString(En));
                    else if (ytd is not null) parts.Add(ytd);
                }
                var termDays = new DateOnly(t.ToYear, 12, 31).DayNumber - start.DayNumber + 1;
                var through = ytd is null ? new DateOnly(asOf.Year - 1, 12, 31) : DataThrough(asOf);
                var running = asOf < new DateOnly(t.ToYear, 12, 31);
                var share = Math.Clamp((through.DayNumber - start.DayNumber + 1) / (double)termDays, 0, 1);
                return new PeriodPlan(t.FromYear == t.ToYear ? t.FromYear.ToString(En) : $"{t.FromYear}-{t.ToYear}", null, null, parts, running, share, start);
            }
            default:
            {
                var due = t.Due!.Value;
                // Past its date, the target reads the year to the end of the quarter holding it (2021-Q1 for 22/02/2021,
                // 2025-H1 for 30/06/2025, the year for a date in the last quarter): flows summed from 1 January,
                // stocks the latest report in it, as for a running target's year to date.
                var dueQuarter = ((due.Month - 1) / 3) + 1;
                var duePeriod = (dueQuarter switch
                {
                    1 => PeriodRef.Quarter(due.Year, 1),
                    2 => PeriodRef.Half(due.Year, 1),
                    3 => PeriodRef.NineMonths(due.Year),
                    _ => PeriodRef.WholeYear(due.Year),
                }).Code;
                if (asOf >= due) return new PeriodPlan(duePeriod, null, null, [], false, 1, start);
                var current = ytd ?? (asOf.Year - 1).ToString(En);
                var previous = (asOf.Year - 1).ToString(En);
                var baseline = t.FromYear.ToString(En);
                return new PeriodPlan(current, previous, baseline == current ? null : baseline, [], true, ytd is null ? 1 : elapsed, start);
            }
        }
    }

    private static DateOnly DataThrough(DateOnly asOf)
    {
        var (_, elapsed) = YearToDate(asOf);
        var month = (int)(elapsed * 12);
        return month == 0 ? new DateOnly(asOf.Year - 1, 12, 31) : new DateOnly(asOf.Year, month, DateTime.DaysInMonth(asOf.Year, month));
    }

    private HashSet<string>? _yearOnly;
    private readonly Dictionary<string, DateOnly?> _yearDeadlines = new(StringComparer.Ordinal);

    /// <summary>
    /// When the target's figure is reported for whole years only (the catalog's period_types of its
    /// indicator, or of its numerator for a ratio or a catalog rate: a rate has no value without it), the
    /// day the year's reports are due (deadline_of, exclusive); otherwise null.
    /// </summary>
    private DateOnly? YearReportDue(TargetDefinition t, string year)
    {
        if (_yearOnly is null)
        {
            _yearOnly = connection.Query<string>("""
                SELECT indicator_code FROM dim_indicator WHERE period_types = 'year'
                UNION
                SELECT r.indicator_code FROM dim_indicator r JOIN dim_indicator n ON n.indicator_code = r.numerator
                WHERE n.period_types = 'year'
                """).ToHashSet(StringComparer.Ordinal);
        }
        if ((t.IsRatio ? t.Numerator : t.Indicator) is not { } figure || !_yearOnly.Contains(figure)) return null;
        // One deadline per year, however many targets and units are assessed.
        if (!_yearDeadlines.TryGetValue(year, out var deadline))
            _yearDeadlines[year] = deadline = connection.Scalar<DateTime?>("SELECT deadline_of($1)", year) is { } due ? DateOnly.FromDateTime(due) : null;
        return deadline;
    }

    private bool IsFlow(string code)
    {
        if (_flows is null)
        {
            _flows = new HashSet<string>(StringComparer.Ordinal) { "cdcs_opened" };
            _flows.UnionWith(connection.Query<string>("SELECT indicator_code FROM dim_indicator WHERE kind = 'flow'"));
        }
        return _flows.Contains(code);
    }

    private MetricValue Figure(TargetDefinition t, FigureSet figures, string unit, string period, Hierarchy h)
    {
        var sectors = t.Sectors.Count == 0 ? null : t.Sectors;
        return t.IsRatio
            ? figures.Ratio($"{t.Numerator}/{t.Denominator}", t.Numerator!, t.Denominator!, unit, period, h, sectors)
            : figures.Value(_metrics.Definitions, t.Indicator!, unit, period, h, sectors);
    }

    private static bool HasData(MetricValue v) => v.Value is not null;

    // A running figure is projected to the period's end when its numerator is a flow and its
    // denominator (if any) is not: counts build up over the year, stocks and flow/flow ratios do not.
    private bool Projects(TargetDefinition t)
    {
        var (numerator, denominator) = t.IsRatio ? (t.Numerator!, t.Denominator) : _metrics.Definitions.Parts(t.Indicator!);
        return IsFlow(numerator) && (denominator is null || !IsFlow(denominator));
    }

    private static bool IsFloor(TargetDefinition t) => t.Comparison is TargetComparison.AtLeast or TargetComparison.MoreThan or TargetComparison.Between;

    private AttainmentRow Assess(TargetDefinition t, Scope scope, DateOnly asOf, Hierarchy h, PeriodPlan p, FigureSet? figures)
    {
        // Figures are read for the unit the target is evaluated on; the row stays the unit asked for.
        var unit = scope.EvaluatedOn;
        AttainmentRow Row(string? period, MetricValue? v, double? projected, AttainmentStatus status, string vi, string en)
        {
            var basis = t.Comparison == TargetComparison.Between ? t.Min : t.Value;
            double? ratio = v?.Value is { } a && basis is > 0 ? a / basis : null;
            var measured = status != AttainmentStatus.NotMeasured;
            return new AttainmentRow(t.PlanId, t.Id, t.Group, t.TextVi, t.TextEn, scope.Unit, asOf, h, PlanCatalog.Name(t.Shape), PlanCatalog.Name(t.Measure),
                t.ComparisonSymbol, t.Value, t.Min, t.Max, t.Indicator ?? (t.IsRatio ? $"{t.Numerator}/{t.Denominator}" : null), period,
                v?.Value, v?.Numerator, v?.Denominator, projected, ratio, status,
                measured && scope.NoteVi is not null ? $"{scope.NoteVi} {vi}" : vi,
                measured && scope.NoteEn is not null ? $"{scope.NoteEn} {en}" : en)
            {
                EvaluatedOn = scope.EvaluatedOn,
            };
        }

        var goal = GoalText(t);
        if (!t.Measured || figures is null)
            return Row(null, null, null, AttainmentStatus.NotMeasured,
                $"Không đo được từ báo cáo: {t.NotMeasuredReasonVi ?? t.NotMeasuredReason}", $"Not measurable from submissions: {t.NotMeasuredReason}");
        if (p.Main is null && p.TermParts.Count == 0)
            return Row(null, null, null, AttainmentStatus.NotYetDue,
                $"Chỉ tiêu bắt đầu từ năm {t.FromYear}; ngày xét {asOf:dd/MM/yyyy} chưa đến kỳ.", $"The target starts in {t.FromYear}; not yet due on {asOf:yyyy-MM-dd}.");

        if (t.Basis == TargetBasis.Term)
        {
            double? sum = null;
            foreach (var part in p.TermParts)
                if (Figure(t, figures, unit, part, h).Value is { } v) sum = (sum ?? 0) + v;
            var value = new MetricValue(t.Indicator ?? "", unit, p.Main!, h, sum, sum, null);
            if (sum is null)
                return Row(p.Main, value, null, AttainmentStatus.NoData, $"Chưa có số liệu {t.Indicator} cho {p.Main}.", $"No {t.Indicator} reported for {p.Main}.");
            var a = sum.Value;
            var fig = $"{Num(a, t, Vi)} ({string.Join(" + ", p.TermParts)})";
            var figEn = $"{Num(a, t, En)} ({string.Join(" + ", p.TermParts)})";
            if (!p.Running)
                return t.IsMetBy(a)
                    ? Row(p.Main, value, null, AttainmentStatus.Achieved, $"Tổng {fig} {goal.Vi}: đạt.", $"Total {figEn} {goal.En}: achieved.")
                    : Row(p.Main, value, null, AttainmentStatus.Missed, $"Tổng {fig} không {goal.Vi}: không đạt.", $"Total {figEn} not {goal.En}: missed.");
            var projected = p.Elapsed > 0 ? a / p.Elapsed : (double?)null;
            var pace = Language.Vi.Percent(p.Elapsed, 0);
            if (IsFloor(t) && t.IsMetBy(a))
                return Row(p.Main, value, projected, AttainmentStatus.Achieved, $"Đến nay {fig} đã {goal.Vi}: đạt sớm.", $"So far {figEn}, already {goal.En}: achieved early.");
            if (!IsFloor(t) && !t.IsMetBy(a))
                return Row(p.Main, value, projected, AttainmentStatus.Missed, $"Đến nay {fig} đã vượt mức {goal.Vi}.", $"So far {figEn}, already beyond {goal.En}.");
            var meets = projected is { } pr && t.IsMetBy(pr);
            return Row(p.Main, value, projected, meets ? AttainmentStatus.OnTrack : AttainmentStatus.AtRisk,
                $"Đến nay {fig} sau {pace} thời gian nhiệm kỳ; theo nhịp hiện tại dự kiến {Num(projected ?? 0, t, Vi)} {(meets ? "" : "không ")}{goal.Vi}.",
                $"So far {figEn} after {pace} of the term; at this pace {Num(projected ?? 0, t, En)} by the end, {(meets ? "" : "not ")}{goal.En}.");
        }

        var main = Figure(t, figures, unit, p.Main!, h);
        var period = p.Main!;
        var usedFallback = false;
        if (!HasData(main) && p.Fallback is not null && HasData(Figure(t, figures, unit, p.Fallback, h)))
        {
            main = Figure(t, figures, unit, p.Fallback, h);
            period = p.Fallback;
            usedFallback = true;
        }
        if (!HasData(main))
        {
            // A figure that comes with the year report only has no year-to-date value: until that report
            // is due, the target waits for it rather than lacking data.
            if (p.Running && !usedFallback && period.Length > 4 && YearReportDue(t, period[..4]) is { } due && asOf < due)
                return Row(period, main, null, AttainmentStatus.NotYetDue,
                    $"Số liệu này chỉ có trong báo cáo năm {period[..4]}, hạn nộp trước ngày {due:dd/MM/yyyy}.",
                    $"This figure comes with the {period[..4]} year report only, due before {due:yyyy-MM-dd}.");
            return Row(period, main, null, AttainmentStatus.NoData, $"Chưa có số liệu cho kỳ {period}.", $"Nothing reported for {period}.");
        }
        var actual = main.Value!.Value;
        var shown = Shown(main, t, Vi);
        var shownEn = Shown(main, t, En);
        if (!p.Running)
        {
            return t.IsMetBy(actual)
                ? Row(period, main, null, AttainmentStatus.Achieved, $"Kỳ {period}: {shown} {goal.Vi}: đạt.", $"{period}: {shownEn} {goal.En}: achieved.")
                : Row(period, main, null, AttainmentStatus.Missed, $"Kỳ {period}: {shown} không {goal.Vi}: không đạt.", $"{period}: {shownEn} not {goal.En}: missed.");
        }

        double projectedValue = actual;
        var how = ("chưa hết kỳ", "period still running");
        if (usedFallback)
            how = ($"năm nay chưa có số liệu, xét năm {period} đã trọn", $"no figure yet this year, the last full year {period} is shown");
        else if (t.Basis == TargetBasis.EachYear && Projects(t) && p.Elapsed is > 0 and < 1)
        {
            projectedValue = actual / p.Elapsed;
            how = ($"lũy kế {Language.Vi.Percent(p.Elapsed, 0)} năm, dự kiến cả năm {Num(projectedValue, t, Vi)}", $"{Language.En.Percent(p.Elapsed, 0)} of the year, projected {Num(projectedValue, t, En)} for the year");
        }
        else if (t.Basis == TargetBasis.ByDate && !t.IsMetBy(actual) && p.Baseline is not null
                 && Figure(t, figures, unit, p.Baseline, h).Value is { } baseline)
        {
            // Linear pace from the first year of the target to now, carried on to the due date.
            var baseEnd = new DateOnly(int.Parse(p.Baseline[..4], En), 12, 31);
            var nowEnd = DataThrough(asOf);
            var years = (nowEnd.DayNumber - baseEnd.DayNumber) / 365.25;
            if (years > 0)
            {
                projectedValue = actual + (actual - baseline) / years * ((t.Due!.Value.DayNumber - nowEnd.DayNumber) / 365.25);
                how = ($"từ {Num(baseline, t, Vi)} ({p.Baseline}) theo nhịp hiện tại dự kiến {Num(projectedValue, t, Vi)} đến {t.Due:dd/MM/yyyy}",
                       $"from {Num(baseline, t, En)} in {p.Baseline}, at this pace {Num(projectedValue, t, En)} by {t.Due:yyyy-MM-dd}");
            }
        }
        else if (t.Basis == TargetBasis.ByDate && Projects(t) && p.Elapsed is > 0 and < 1 && period.Length > 4)
        {
            projectedValue = actual / p.Elapsed;
            how = ($"dự kiến cả năm {Num(projectedValue, t, Vi)}", $"projected {Num(projectedValue, t, En)} for the year");
        }
        var onTrack = t.IsMetBy(projectedValue);
        return Row(period, main, projectedValue == actual ? null : projectedValue, onTrack ? AttainmentStatus.OnTrack : AttainmentStatus.AtRisk,
            $"Kỳ {period}: {shown} ({how.Item1}); {(onTrack ? "" : "không ")}{goal.Vi}.",
            $"{period}: {shownEn} ({how.Item2}); {(onTrack ? "" : "not ")}{goal.En}.");
    }

    private static (string Vi, string En) GoalText(TargetDefinition t)
    {
        if (t.Comparison == TargetComparison.Between)
            return ($"trong khoảng {Num(t.Min!.Value, t, Vi)}–{Num(t.Max!.Value, t, Vi)}", $"within {Num(t.Min!.Value, t, En)}–{Num(t.Max!.Value, t, En)}");
        var (vi, en) = t.Comparison switch
        {
            TargetComparison.AtLeast => ("≥", "at least"),
            TargetComparison.MoreThan => (">", "above"),
            TargetComparison.AtMost => ("≤", "at most"),
            TargetComparison.LessThan => ("<", "below"),
            _ => ("=", "equal to"),
        };
        return ($"đạt mức {vi} {Num(t.Value!.Value, t, Vi)}", $"{en} {Num(t.Value!.Value, t, En)}");
    }

    private static string Shown(MetricValue v, TargetDefinition t, CultureInfo c) =>
        v.Denominator is { } d
            ? $"{Plain(v.Numerator ?? 0, c)} / {Plain(d, c)} = {Num(v.Value!.Value, t, c)}"
            : Num(v.Value!.Value, t, c);

    private static string Plain(double x, CultureInfo c) => Lang(c).Fixed(x, x == Math.Floor(x) ? 0 : 2);

    private static string Num(double x, TargetDefinition t, CultureInfo c) => t.Measure == TargetMeasure.Share ? Lang(c).Percent(x) : Plain(x, c);

    // The explanations are written in both languages at once; each number in its language's one format.
    private static Language Lang(CultureInfo c) => c == Vi ? Language.Vi : Language.En;
}
