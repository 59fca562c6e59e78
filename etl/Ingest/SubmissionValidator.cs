using Analytics.Warehouse.Vocabulary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Analytics.Etl.Parsing;
using Analytics.Etl.Registry;

namespace Analytics.Etl.Ingest;

/// <summary>
/// Checks one draft against the registry, the catalog and the unit's history. Errors refuse the
/// submission (see <see cref="ValidationRules"/>); warnings accept it. Never throws on bad input.
/// </summary>
public static class SubmissionValidator
{
    /// <summary>Robust z above which a value is called far outside the unit's history.</summary>
    public const double OutlierThreshold = 5.0;

    /// <summary>Values the outlier check needs before it says anything.</summary>
    public const int OutlierMinimumHistory = 4;

    /// <summary>A submission received more than this long after its period ended draws W04.</summary>
    public static readonly TimeSpan LongPast = TimeSpan.FromDays(365);

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static ValidatedSubmission Validate(SubmissionDraft draft, IngestContext context, UnitHistory history, DateTime receivedAt)
    {
        var result = Check(draft, context);
        CheckAgainstHistory(result, context, history, receivedAt);
        return result;
    }

    /// <summary>
    /// Every rule that needs only the draft, the registry and the catalog: all the errors and W01.
    /// Safe on any thread (the context is only read), so ingest runs it while files are read ahead.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static ValidatedSubmission Check(SubmissionDraft draft, IngestContext context, IndicatorMemo? memo = null)
    {
        var unitText = Clean(draft.UnitText);
        var periodText = draft.PeriodText.Trim();
        var known = context.Units.TryGetValue(unitText, out var windows);
        string? periodCode = null;
        Bilingual? periodError = null;
        if (periodText.Length > 0) periodCode = ValueParsing.PeriodCode(periodText, out periodError);
        var period = periodCode is not null && context.Periods.TryGetValue(periodCode, out var p) ? p : null;

        var result = new ValidatedSubmission
        {
            Draft = draft,
            UnitCode = known ? windows![0].Code : unitText,
            // Resolved here, on a reading thread, so the loading thread keys by integers.
            UnitId = known && context.UnitIds.TryGetValue(unitText, out var unitId) ? unitId : -1,
            Period = period,
            Unit = known && period is not null ? context.UnitDuring(unitText, period) : null,
        };
        var messages = result.Messages;

        if (unitText.Length == 0 || periodText.Length == 0)
        {
            messages.Add(ValidationRules.Message(ValidationRules.MissingUnitOrPeriod, new(
                unitText.Length == 0 ? "thiếu mã đơn vị" : "thiếu kỳ báo cáo",
                unitText.Length == 0 ? "the unit code is missing" : "the period is missing"),
                row: draft.FirstRow, cell: unitText.Length == 0 ? draft.UnitCell : draft.PeriodCell));
            return result;
        }
        if (!known)
        {
            messages.Add(ValidationRules.Message(ValidationRules.UnknownUnit, new(
                $"mã đơn vị '{unitText}' không có trong danh mục đơn vị; kiểm tra lại mã hoặc liên hệ công đoàn cấp trên",
                $"unit code '{unitText}' is not in the unit registry; check the code or contact the upper-level union"),
                row: draft.FirstRow, cell: draft.UnitCell));
        }
        if (period is null)
        {
            var detail = periodError ?? new Bilingual(
                $"kỳ '{periodText}' nằm ngoài lịch kỳ báo cáo của hệ thống",
                $"period '{periodText}' is outside the warehouse calendar");
            messages.Add(ValidationRules.Message(ValidationRules.BadPeriod, detail, row: draft.FirstRow, cell: draft.PeriodCell));
        }
        if (!known || period is null) return result;

        var unit = result.Unit;
        if (unit is null)
        {
            var span = string.Join("; ", windows!.Select(w => $"{w.ValidFrom:dd/MM/yyyy}–{(w.ValidTo is { } t ? t.ToString("dd/MM/yyyy", Vi) : "nay")}"));
            messages.Add(ValidationRules.Message(ValidationRules.UnitInactive, new(
                $"đơn vị {result.UnitCode} không hoạt động trong {period.LabelVi} (thời gian hoạt động: {span})",
                $"unit {result.UnitCode} is not active in {period.LabelEn} (active: {span.Replace("nay", "now", StringComparison.Ordinal)})"),
                row: draft.FirstRow, cell: draft.UnitCell));
            return result;
        }

        CheckValues(result, unit, period, context, memo);
        if (result.Values.Count == 0 && result.Accepted)
        {
            messages.Add(ValidationRules.Message(ValidationRules.NoValues, new(
                "báo cáo không có giá trị nào (mọi ô Giá trị đều trống)", "the submission has no values (every value is empty)"),
                row: draft.FirstRow));
        }
        if (!result.Accepted) return result;

        CheckCrossRules(result);
        if (!result.Accepted) return result;

        CheckMembersAboveWorkers(result);
        result.AwaitsHistory = true;
        return result;
    }

    /// <summary>
    /// The rules that need the unit's history and the receipt time (W02, W03, W04), for a
    /// submission <see cref="Check"/> accepted; on the loading thread, as history grows with each
    /// submission accepted before. Runs once per checked submission.
    /// </summary>
    internal static void CheckAgainstHistory(ValidatedSubmission result, IngestContext context, UnitHistory history, DateTime receivedAt)
    {
        if (!result.AwaitsHistory) return;
        result.AwaitsHistory = false;
        CheckWarnings(result, result.UnitId, result.Period!, context, history, receivedAt);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckValues(ValidatedSubmission result, UnitRecord unit, PeriodInfo period, IngestContext context, IndicatorMemo? memo)
    {
        var draftValues = CollectionsMarshal.AsSpan(result.Draft.Values);
        for (var index = 0; index < draftValues.Length; index++)
        {
            ref readonly var raw = ref draftValues[index];
            var cell = raw.ValueCell ?? raw.Cell;
            var valueText = raw.ValueText.Trim();
            if (memo is null || !memo.TryGet(raw.IndicatorText, out var indicator))
            {
                var code = Clean(raw.IndicatorText);
                if (code.Length == 0)
                {
                    if (valueText.Length > 0 || raw.TypedNumber is not null)
                        result.Messages.Add(ValidationRules.Message(ValidationRules.UnknownIndicator, new("thiếu mã chỉ tiêu cho giá trị này", "a value has no indicator code"), row: raw.Row, cell: cell));
                    continue;
                }
                if (context.Indicators.TryGetValue(code, out indicator))
                {
                    memo?.Add(raw.IndicatorText, indicator);
                }
                else
                {
                    result.Messages.Add(ValidationRules.Message(ValidationRules.UnknownIndicator, new(
                        $"mã chỉ tiêu '{code}' không có trong danh mục chỉ tiêu", $"indicator code '{code}' is not in the catalog"), code, raw.Row, cell));
                    continue;
                }
            }
            if (!indicator.ReportableBy(unit, period.Type, indicator.IsUpper && context.HasGrassrootsChildren(unit.Code, period)))
            {
                result.Messages.Add(ValidationRules.Message(ValidationRules.NotReportable, WhyNotReportable(indicator, unit, period), indicator.Code, raw.Row, cell));
                continue;
            }
            // Empty means "not reported", which is not zero.
            if (valueText.Length == 0 && raw.TypedNumber is null) continue;

            var parsed = indicator.IsCategory ? ParseCategory(result, indicator, raw, index, cell) : ParseNumber(result, indicator, raw, index, cell);
            if (parsed is null) continue;
            // The first value of each indicator is kept in result.Values; a submission has a handful.
            if (FirstOf(result.Values, indicator) is { } first)
            {
                if (first.Number != parsed.Value.Number || first.Category != parsed.Value.Category)
                {
                    var firstSource = result.SourceOf(first);
                    var firstWhere = firstSource.Row is { } r ? $"{r}" : firstSource.Cell ?? "?";
                    result.Messages.Add(ValidationRules.Message(ValidationRules.ConflictingDuplicate, new(
                        $"chỉ tiêu {indicator.Code} đã có giá trị {Show(first)} (dòng {firstWhere}), nay lại ghi {Show(parsed.Value)}",
                        $"indicator {indicator.Code} already has {Show(first)} (row {firstWhere}), here {Show(parsed.Value)}"), indicator.Code, raw.Row, cell));
                }
                continue;
            }
            result.Values.Add(parsed.Value);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ParsedValue? FirstOf(List<ParsedValue> values, IndicatorRule indicator)
    {
        foreach (var v in values)
            if (v.Indicator.Id == indicator.Id) return v;
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ParsedValue? FirstOf(List<ParsedValue> values, short indicatorId)
    {
        foreach (var v in values)
            if (v.Indicator.Id == indicatorId) return v;
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ParsedValue? FirstOf(List<ParsedValue> values, string code)
    {
        foreach (var v in values)
            if (v.Indicator.Code == code) return v;
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ParsedValue? ParseNumber(ValidatedSubmission result, IndicatorRule indicator, in DraftValue raw, int index, string? cell)
    {
        // Most values are small whole numbers typed as plain digits: exact in a double, never
        // negative, never fractional, so only the 0/1 rule can refuse them.
        if (raw.TypedNumber is null && ValueParsing.PlainWhole(raw.ValueText) is { } whole && (!indicator.IsFlag || whole is 0 or 1))
            return new ParsedValue(indicator, whole, null, index);

        decimal number;
        if (raw.TypedNumber is { } typed)
        {
            number = typed;
        }
        else
        {
            // A yes/no answer may be written as a word ("có", "không") as well as 1 or 0.
            var kind = indicator.IsFlag ? NumberKind.Flag : indicator.IsCount ? NumberKind.Count : NumberKind.Amount;
            var parsed = ValueParsing.Number(raw.ValueText, kind, out var error);
            if (parsed is null)
            {
                result.Messages.Add(ValidationRules.Message(ValidationRules.NotANumber, error ?? new(
                    $"'{raw.ValueText}' không phải là số", $"'{raw.ValueText}' is not a number"), indicator.Code, raw.Row, cell));
                return null;
            }
            number = parsed.Value;
        }
        if (number < 0)
        {
            result.Messages.Add(ValidationRules.Message(ValidationRules.Negative, new(
                $"giá trị {Format(number)} là số âm; số liệu báo cáo không được âm", $"value {number.ToString(CultureInfo.InvariantCulture)} is negative"), indicator.Code, raw.Row, cell));
            return null;
        }
        if (indicator.IsFlag && number is not (0 or 1))
        {
            result.Messages.Add(ValidationRules.Message(ValidationRules.NotZeroOne, new(
                $"chỉ tiêu {indicator.Code} chỉ nhận 1 (có) hoặc 0 (không), không phải {Format(number)}",
                $"{indicator.Code} takes 1 (yes) or 0 (no), not {number.ToString(CultureInfo.InvariantCulture)}"), indicator.Code, raw.Row, cell));
            return null;
        }
        if (indicator.IsCount && decimal.Truncate(number) != number)
        {
            result.Messages.Add(ValidationRules.Message(ValidationRules.FractionalCount, new(
                $"{indicator.NameVi} là số đếm ({indicator.UnitVi}), phải là số nguyên, không phải {Format(number)}",
                $"{indicator.NameEn} is a count and must be a whole number, not {number.ToString(CultureInfo.InvariantCulture)}"), indicator.Code, raw.Row, cell));
            return null;
        }
        return new ParsedValue(indicator, (double)number, null, index);
    }

    private static ParsedValue? ParseCategory(ValidatedSubmission result, IndicatorRule indicator, in DraftValue raw, int index, string? cell)
    {
        var category = CategoryCode(raw.ValueText);
        if (category is not null && indicator.Categories.Contains(category)) return new ParsedValue(indicator, null, category, index);
        result.Messages.Add(ValidationRules.Message(ValidationRules.NotANumber, new(
            $"'{raw.ValueText}' không phải là một giá trị của {indicator.Code}; dùng một trong: {string.Join(", ", indicator.Categories)}",
            $"'{raw.ValueText}' is not a value of {indicator.Code}; use one of: {string.Join(", ", indicator.Categories)}"), indicator.Code, raw.Row, cell));
        return null;
    }

    /// <summary>
    /// Ratings as people write them: the code itself, or the Vietnamese wording
    /// ("Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ").
    /// </summary>
    public static string? CategoryCode(string text)
    {
        var plain = RemoveDiacritics(text).ToLowerInvariant().Replace("nhiem vu", "", StringComparison.Ordinal).Trim();
        plain = string.Join('_', plain.Split([' ', '_', '-'], StringSplitOptions.RemoveEmptyEntries));
        return plain switch
        {
            "" => null,
            "hoan_thanh_xuat_sac" or "xuat_sac" => "xuat_sac",
            "hoan_thanh_tot" or "tot" => "tot",
            "hoan_thanh" => "hoan_thanh",
            "khong_hoan_thanh" => "khong_hoan_thanh",
            _ => plain,
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckCrossRules(ValidatedSubmission result)
    {
        var signed = FirstOf(result.Values, "cba_signed");
        foreach (var detail in result.Values)
        {
            if (detail.Indicator.Code is not ("cba_favorable" or "cba_grade_b_plus")) continue;
            var signedValue = signed?.Number ?? 0;
            if (detail.Number > signedValue)
            {
                result.Messages.Add(ValidationRules.Message(ValidationRules.CbaDetailAboveSigned, new(
                    $"{detail.Indicator.Code} = {detail.Number} nhưng cba_signed = {(signed is null ? "không báo cáo" : signedValue.ToString(CultureInfo.InvariantCulture))}: không thể có TƯLĐTT có lợi hơn/xếp loại khi chưa ký TƯLĐTT",
                    $"{detail.Indicator.Code} = {detail.Number} but cba_signed = {(signed is null ? "not reported" : signedValue.ToString(CultureInfo.InvariantCulture))}"),
                    detail.Indicator.Code, result.SourceOf(detail).Row, result.SourceOf(detail).ValueCell ?? result.SourceOf(detail).Cell));
            }
        }
    }

    private static void CheckMembersAboveWorkers(ValidatedSubmission result)
    {
        if (FirstOf(result.Values, "members") is { Number: { } members } m && FirstOf(result.Values, "workers")?.Number is { } workers && members > workers)
        {
            result.Messages.Add(ValidationRules.Message(ValidationRules.MembersAboveWorkers, new(
                $"số đoàn viên ({Format((decimal)members)}) lớn hơn số lao động ({Format((decimal)workers)}); kiểm tra lại",
                $"members ({members}) above workers ({workers}); please check"), "members", result.SourceOf(m).Row, result.SourceOf(m).ValueCell ?? result.SourceOf(m).Cell));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckWarnings(ValidatedSubmission result, int unitId, PeriodInfo period, IngestContext context, UnitHistory history, DateTime receivedAt)
    {
        // Reconciliation and outliers compare with the unit's own past: nothing to do without one.
        if (history.HasUnit(unitId))
        {
            CheckReconciliation(result, unitId, period, context, history);
            CheckOutliers(result, unitId, period, history);
        }

        var periodEnd = period.End.ToDateTime(TimeOnly.MaxValue);
        if (receivedAt - periodEnd > LongPast)
        {
            result.Messages.Add(ValidationRules.Message(ValidationRules.PeriodLongPast, new(
                $"báo cáo cho {period.LabelVi}, kỳ đã kết thúc ngày {period.End:dd/MM/yyyy}, hơn một năm trước ngày nhận",
                $"report for {period.LabelEn}, which ended on {period.End:yyyy-MM-dd}, more than a year before it was received"),
                row: result.Draft.FirstRow));
        }
    }

    /// <summary>W02. Indicators by id: this runs once per submission on the loading thread.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckReconciliation(ValidatedSubmission result, int unitId, PeriodInfo period, IngestContext context, UnitHistory history)
    {
        var (membersId, admittedId, leftId) = context.Reconciliation;
        var admittedValue = FirstOf(result.Values, admittedId)?.Number;
        var leftValue = FirstOf(result.Values, leftId)?.Number;
        if ((admittedValue is not null || leftValue is not null)
            && FirstOf(result.Values, membersId) is { Number: { } end } m
            && context.Previous(period) is { } previous
            && history.ValueAt(unitId, membersId, previous) is { } start)
        {
            var admitted = admittedValue ?? 0;
            var left = leftValue ?? 0;
            var expected = start + admitted - left;
            if (Math.Abs(expected - end) > 0.5)
            {
                result.Messages.Add(ValidationRules.Message(ValidationRules.MembersDoNotReconcile, new(
                    $"đoàn viên cuối kỳ {Format((decimal)end)} ≠ cuối {previous.LabelVi} {Format((decimal)start)} + kết nạp {Format((decimal)admitted)} − giảm {Format((decimal)left)} = {Format((decimal)expected)}",
                    $"members at period end {end} ≠ end of {previous.LabelEn} {start} + admitted {admitted} − left {left} = {expected}"),
                    "members", result.SourceOf(m).Row, result.SourceOf(m).ValueCell ?? result.SourceOf(m).Cell));
            }
        }
    }

    /// <summary>W03.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckOutliers(ValidatedSubmission result, int unitId, PeriodInfo period, UnitHistory history)
    {
        // On the stack: this runs for every value of a unit with history (a million per national quarter).
        Span<double> buffer = stackalloc double[256];
        foreach (var value in result.Values)
        {
            if (value.Number is null || value.Indicator.IsFlag) continue;
            var series = history.SeriesView(unitId, value.Indicator.Id, period.Type);
            if (series.Length < OutlierMinimumHistory) continue;
            var x = value.Number!.Value;
            if (SurelyNotFar(series, x)) continue;
            var past = series.Length <= buffer.Length ? buffer[..series.Length] : new double[series.Length];
            series.CopyTo(past);
            var (median, scale) = RobustScale(past);
            if (Math.Abs(x - median) > OutlierThreshold * scale)
            {
                result.Messages.Add(ValidationRules.Message(ValidationRules.Outlier, new(
                    $"{value.Indicator.Code} = {Format((decimal)x)} khác xa các kỳ trước của đơn vị (trung vị {Format((decimal)median)}); kiểm tra lại",
                    $"{value.Indicator.Code} = {x} is far from the unit's history (median {median}); please check"),
                    value.Indicator.Code, result.SourceOf(value).Row, result.SourceOf(value).ValueCell ?? result.SourceOf(value).Cell));
            }
        }
    }

    /// <summary>
    /// Median and a robust scale: 1.4826 × MAD (the normal-consistent MAD), floored at 10% of the
    /// median and at 2 (small counts move by a few). The floor matters for steady units: a few nearly equal past values give a
    /// tiny MAD, and ordinary growth of a few percent must not be called far outside. With the
    /// threshold of 5, a steady unit is flagged for a jump of more than half its usual level.
    /// Sorts and overwrites <paramref name="values"/> (the caller's scratch copy of the series).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (double Median, double Scale) RobustScale(Span<double> values)
    {
        Sort(values);
        var median = MedianOfSorted(values);
        for (var i = 0; i < values.Length; i++) values[i] = Math.Abs(values[i] - median);
        Sort(values);
        var mad = MedianOfSorted(values);
        var scale = Math.Max(1.4826 * mad, Math.Max(2, 0.1 * Math.Abs(median)));
        return (median, scale);
    }

    /// <summary>
    /// Whether <paramref name="x"/> is within reach of the series' least and greatest values, reach
    /// being what the scale's floor alone allows at the least value. Then the outlier check cannot
    /// fire: the median lies between the two, so x is no farther from it, and the scale is at least
    /// its floor, which is no smaller at the median (values are never negative; every step rounds
    /// monotonically, so this holds in floating point too). Most values are such, and need no sort.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool SurelyNotFar(ReadOnlySpan<double> series, double x)
    {
        double least = series[0], greatest = series[0];
        for (var i = 1; i < series.Length; i++)
        {
            least = Math.Min(least, series[i]);
            greatest = Math.Max(greatest, series[i]);
        }
        if (!(least >= 0)) return false;
        var reach = OutlierThreshold * Math.Max(2, 0.1 * least);
        return Math.Abs(x - least) <= reach && Math.Abs(x - greatest) <= reach;
    }

    /// <summary>
    /// Sorts a unit's series: a few dozen values at most (a quarter a year), for which insertion sort
    /// beats the general sort; longer ones (month series over many years) take the general one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sort(Span<double> values)
    {
        if (values.Length > 48)
        {
            values.Sort();
            return;
        }
        for (var i = 1; i < values.Length; i++)
        {
            var v = values[i];
            var j = i - 1;
            while (j >= 0 && values[j] > v)
            {
                values[j + 1] = values[j];
                j--;
            }
            values[j + 1] = v;
        }
    }

    private static double MedianOfSorted(ReadOnlySpan<double> sorted)
    {
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static Bilingual WhyNotReportable(IndicatorRule indicator, UnitRecord unit, PeriodInfo period)
    {
        if (indicator.IsDerived)
            return new($"{indicator.Code} được hệ thống tự tính, đơn vị không báo cáo chỉ tiêu này", $"{indicator.Code} is computed by the warehouse, not reported");
        if (indicator.ReportedBy == "upper")
            return new($"{indicator.Code} do đơn vị có CĐCS trực thuộc báo cáo; {unit.Code} không có CĐCS trực thuộc trong {period.LabelVi}",
                $"{indicator.Code} is reported by units whose children are grassroots unions; {unit.Code} has none in {period.LabelEn}");
        if (indicator.ReportingLevel != unit.Level)
            return new($"{indicator.Code} do {LevelVi(indicator.ReportingLevel)} báo cáo; {unit.Code} là {LevelVi(unit.Level)}",
                $"{indicator.Code} is reported by {LevelEn(indicator.ReportingLevel)}; {unit.Code} is {LevelEn(unit.Level)}");
        if (indicator.Sectors.Count > 0 && (unit.Sector is null || !indicator.Sectors.Contains(unit.Sector)))
            return new($"{indicator.Code} chỉ do CĐCS khu vực {string.Join(", ", indicator.Sectors)} báo cáo; {unit.Code} thuộc khu vực {unit.Sector}",
                $"{indicator.Code} is reported only by grassroots unions in {string.Join(", ", indicator.Sectors)}; {unit.Code} is {unit.Sector}");
        return new($"{indicator.Code} chỉ báo cáo theo kỳ {string.Join(", ", indicator.PeriodTypes)}, không theo {period.LabelVi}",
            $"{indicator.Code} is reported only for {string.Join(", ", indicator.PeriodTypes)} periods, not {period.LabelEn}");
    }

    private static string LevelVi(int? level) => level switch
    {
        3 => "công đoàn cơ sở",
        2 => "công đoàn cấp trên trực tiếp cơ sở",
        1 => "LĐLĐ tỉnh, thành phố / công đoàn ngành trung ương",
        0 => "Tổng Liên đoàn",
        _ => "hệ thống",
    };

    private static string LevelEn(int? level) => level switch
    {
        3 => "grassroots unions",
        2 => "direct-upper-level unions",
        1 => "provincial federations / central sector unions",
        0 => "the national confederation",
        _ => "the system",
    };

    private static string Show(ParsedValue v) => v.Category ?? v.Number?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>Vietnamese number style for messages: 1.186.400 and 12,5.</summary>
    internal static string Format(decimal value) => value.ToString(decimal.Truncate(value) == value ? "#,##0" : "#,##0.##", Vi);

    internal static string Clean(string text) => text.Normalize(NormalizationForm.FormC).Trim();

    /// <summary>
    /// The indicators that recently seen indicator texts (the string objects themselves) named,
    /// for the drafts of one file. A bulk CSV gives every line's indicator cell the same string
    /// object (<see cref="LongCsvReader"/>), so most values skip normalising the text and the
    /// case-insensitive catalog lookup (about 0.1 s of CPU per national quarter).
    /// </summary>
    internal sealed class IndicatorMemo
    {
        private const int Size = 64;
        private readonly string?[] _texts = new string?[Size];
        private readonly IndicatorRule?[] _rules = new IndicatorRule?[Size];

        public bool TryGet(string text, [NotNullWhen(true)] out IndicatorRule? rule)
        {
            var slot = RuntimeHelpers.GetHashCode(text) & (Size - 1);
            rule = ReferenceEquals(_texts[slot], text) ? _rules[slot] : null;
            return rule is not null;
        }

        public void Add(string text, IndicatorRule rule)
        {
            var slot = RuntimeHelpers.GetHashCode(text) & (Size - 1);
            _texts[slot] = text;
            _rules[slot] = rule;
        }
    }

    private static string RemoveDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        }
        return sb.ToString();
    }
}
