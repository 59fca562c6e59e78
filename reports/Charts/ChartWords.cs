namespace Analytics.Reports.Charts;

/// <summary>The words chart builders add on their own, in the report's language.</summary>
internal sealed record ChartWords(
    string Source,
    string Period,
    string PeriodAxis,
    string Unit,
    string Value,
    string Target,
    string Achieved,
    string NotAchieved,
    string TargetTick,
    string Share,
    string Attainment,
    string Total,
    string Absent,
    string BulletNote)
{
    private static readonly ChartWords Vietnamese = new(
        Source: "Nguồn",
        Period: "Kỳ báo cáo",
        PeriodAxis: "Kỳ",
        Unit: "Đơn vị",
        Value: "Giá trị",
        Target: "Chỉ tiêu",
        Achieved: "Đạt chỉ tiêu",
        NotAchieved: "Chưa đạt chỉ tiêu",
        TargetTick: "vạch đen: chỉ tiêu",
        Share: "Tỷ lệ",
        Attainment: "Mức đạt so với chỉ tiêu",
        Total: "Tổng",
        Absent: "không có",
        BulletNote: "Thực hiện / chỉ tiêu (mức đạt); vạch đen: 100% chỉ tiêu");

    private static readonly ChartWords English = new(
        Source: "Source",
        Period: "Period",
        PeriodAxis: "Period",
        Unit: "Unit",
        Value: "Value",
        Target: "Target",
        Achieved: "Target met",
        NotAchieved: "Target not met",
        TargetTick: "black tick: target",
        Share: "Share",
        Attainment: "Attainment against target",
        Total: "Total",
        Absent: "absent",
        BulletNote: "Actual / target (attainment); black tick: 100% of target");

    public static ChartWords For(ChartLanguage lang) => lang == ChartLanguage.En ? English : Vietnamese;
}
