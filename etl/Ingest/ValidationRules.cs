using Analytics.Warehouse.Vocabulary;
namespace Analytics.Etl.Ingest;

/// <summary>
/// Every rule a submission is checked against: a stable id (quoted in messages and in
/// submission_message.rule_id, so analysts can count by it), a severity and what it means.
/// Errors refuse the whole submission; warnings accept it and tell the unit.
/// </summary>
public static class ValidationRules
{
    public sealed record Rule(string Id, Severity Severity, Bilingual Meaning);

    public static readonly Rule UnknownUnit = new("E01", Severity.Error, new("mã đơn vị không có trong danh mục", "unit code not in the registry"));
    public static readonly Rule UnitInactive = new("E02", Severity.Error, new("đơn vị không hoạt động trong kỳ báo cáo", "unit not active in the period"));
    public static readonly Rule BadPeriod = new("E03", Severity.Error, new("không hiểu kỳ báo cáo", "period not understood"));
    public static readonly Rule UnknownIndicator = new("E04", Severity.Error, new("mã chỉ tiêu không có trong danh mục", "indicator code unknown"));
    public static readonly Rule NotReportable = new("E05", Severity.Error, new("đơn vị này không báo cáo chỉ tiêu này (theo cấp, khu vực hoặc loại kỳ)", "indicator not reportable by this unit (level, sector or period type)"));
    public static readonly Rule NotANumber = new("E06", Severity.Error, new("giá trị không phải là số hoặc không thuộc danh sách cho phép", "value is not a number or not an allowed category"));
    public static readonly Rule Negative = new("E07", Severity.Error, new("giá trị âm", "negative value"));
    public static readonly Rule FractionalCount = new("E08", Severity.Error, new("số đếm phải là số nguyên", "a count must be a whole number"));
    public static readonly Rule ConflictingDuplicate = new("E09", Severity.Error, new("cùng một chỉ tiêu ghi hai lần với hai giá trị khác nhau", "the same indicator twice with different values"));
    public static readonly Rule NotZeroOne = new("E10", Severity.Error, new("chỉ tiêu có/không phải là 0 hoặc 1", "a yes/no indicator must be 0 or 1"));
    public static readonly Rule CbaDetailAboveSigned = new("E11", Severity.Error, new("TƯLĐTT có lợi hơn / xếp loại B trở lên không thể vượt số TƯLĐTT đã ký", "cba_favorable or cba_grade_b_plus above cba_signed"));
    public static readonly Rule MissingUnitOrPeriod = new("E12", Severity.Error, new("thiếu mã đơn vị hoặc kỳ báo cáo", "unit code or period missing"));
    public static readonly Rule NoValues = new("E13", Severity.Error, new("báo cáo không có giá trị nào", "the submission has no values"));
    public static readonly Rule MembersAboveWorkers = new("W01", Severity.Warning, new("số đoàn viên lớn hơn số lao động", "members above workers"));
    public static readonly Rule MembersDoNotReconcile = new("W02", Severity.Warning, new("đoàn viên cuối kỳ ≠ cuối kỳ trước + kết nạp − giảm", "members at period end ≠ previous end + admitted − left"));
    public static readonly Rule Outlier = new("W03", Severity.Warning, new("giá trị khác xa các kỳ trước của đơn vị", "value far outside the unit's own history"));
    public static readonly Rule PeriodLongPast = new("W04", Severity.Warning, new("báo cáo cho kỳ đã kết thúc từ lâu", "submission for a period that ended long ago"));

    public static IReadOnlyList<Rule> All { get; } =
    [
        UnknownUnit, UnitInactive, BadPeriod, UnknownIndicator, NotReportable, NotANumber, Negative, FractionalCount,
        ConflictingDuplicate, NotZeroOne, CbaDetailAboveSigned, MissingUnitOrPeriod, NoValues,
        MembersAboveWorkers, MembersDoNotReconcile, Outlier, PeriodLongPast,
    ];

    public static ValidationMessage Message(Rule rule, Bilingual detail, string? indicator = null, int? row = null, string? cell = null) =>
        new(rule.Id, rule.Severity, detail, indicator, row, cell);
}
