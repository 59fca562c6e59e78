using Analytics.Reports.Charts;
using Analytics.Reports.Data;
using Analytics.Warehouse.Completeness;

namespace Analytics.Reports.Tests.Excel;

/// <summary>Small report data written by hand, for layout tests that need no warehouse.</summary>
internal static class HandMadeData
{
    public const string Evil = "=HYPERLINK(\"http://x.invalid\",\"click\")";

    public static ReportHeader Header(bool english = false) => new("HNI", "LĐLĐ Thành phố Hà Nội", "2024", english ? "Year 2024" : "Năm 2024",
        new DateTimeOffset(2025, 1, 20, 3, 0, 0, TimeSpan.Zero),
        new ReportProvenance(42, 10, 9, 1, 1, new DateTime(2024, 12, 14, 10, 0, 0), new DateTime(2025, 1, 20, 10, 0, 0)), english);

    public static readonly IReadOnlyList<IndicatorColumn> Indicators =
    [
        new("members", "Đoàn viên công đoàn", "người", ValueFormat.Count),
        new("membership_rate", "Tỷ lệ đoàn viên trên CNVCLĐ", "%", ValueFormat.Percent),
        new("members_admitted", "Đoàn viên kết nạp mới", "người", ValueFormat.Count),
    ];

    public static readonly IReadOnlyList<ChildUnit> Children = [new("HNI-LBN", "LĐLĐ quận Long Biên"), new("HNI-EVL", Evil)];

    public static MonthlyReportData Monthly(bool english = false) => new(Header(english), "2024-Q1", "Tháng 3/2023", Indicators, Children,
    [
        new("HNI-LBN", "LĐLĐ quận Long Biên", "members", null, 1200, 1100),
        new("HNI-EVL", Evil, "members", null, 800, 0),
        new("HNI", "LĐLĐ Thành phố Hà Nội", "members", null, 2000, 1100),
        new("HNI-LBN", "LĐLĐ quận Long Biên", "membership_rate", null, 0.8, 0.75),
        new("HNI", "LĐLĐ Thành phố Hà Nội", "membership_rate", null, 0.784, 0.75),
    ],
    new CompletenessReport.Result("2024-Q1", new DateTime(2025, 1, 20), new DateTime(2024, 3, 14),
        [new("HNI", "LĐLĐ Thành phố Hà Nội", 1, "TLD", 10, 9, 8, 1, 1)],
        [new("HNI-EVL-0001", Evil, "HNI-EVL", "missing", null, 0)]),
    [
        new("members", "2023-Q4", "Quý IV/2023", 1900),
        new("members", "2024-Q1", "Quý I/2024", 2000),
        new("membership_rate", "2023-Q4", "Quý IV/2023", 0.77),
        new("membership_rate", "2024-Q1", "Quý I/2024", 0.784),
    ]);

    public static AnnualReportData Annual(bool english = false) => new(Header(english), 2024, "2021-2025", Indicators, Children,
    [
        new("HNI-LBN", "members", 1200), new("HNI-EVL", "members", 800), new("HNI", "members", 2000),
        new("HNI-LBN", "membership_rate", 0.8), new("HNI-EVL", "membership_rate", 0.9), new("HNI", "membership_rate", 0.784),
        new("HNI-LBN", "members_admitted", 120), new("HNI-EVL", "members_admitted", 30), new("HNI", "members_admitted", 150),
    ],
    [
        new("members", "2023", "Năm 2023", 1900), new("members", "2024", "Năm 2024", 2000),
        new("membership_rate", "2023", "Năm 2023", 0.77), new("membership_rate", "2024", "Năm 2024", 0.784),
    ],
    ["membership_rate"],
    [new("public", "xuat_sac", 3), new("public", "tot", 2), new("private", "hoan_thanh", 4), new("private", "khong_hoan_thanh", 1)],
    [new("HNI-LBN", "members_admitted", 90), new("HNI-EVL", "members_admitted", 40)]);

    public static PlanScorecardData Plan(bool english = false) => new(Header(english), "002", "10/KH-LĐLĐ", "Kế hoạch thực hiện Nghị quyết", "2021-2025",
    [
        new("002-T01", "membership", "Phát triển đoàn viên", "Kết nạp 70.000 đoàn viên", english ? "70,000 new members" : "Kết nạp 70.000 đoàn viên", "2021-2025", 50000, 70000, "≥ 70.000", 50000 / 70000.0, TargetStatus.AtRisk, Evil, ValueFormat.Count),
        new("002-T02", "membership", "Phát triển đoàn viên", "70% doanh nghiệp có CĐCS", english ? "70% of firms unionised" : "70% doanh nghiệp có CĐCS", "2024", 0.72, 0.7, "≥ 70%", 0.72 / 0.7, TargetStatus.Achieved, "Đạt 72,0%.", ValueFormat.Percent),
        new("002-T05", "finance", "Tài chính", "Thu tài chính đạt 90% dự toán trở lên", english ? "Finance collected: 90% of budget" : "Thu tài chính đạt 90% dự toán", "2024", 0.8, 0.9, "≥ 90%", 0.8 / 0.9, TargetStatus.NotAchieved, "Chỉ đạt 80,0%.", ValueFormat.Percent),
        new("002-T09", "party", "Đảng", "Không đo được", english ? "Not measured" : "Không đo được", "2024", null, null, "", null, TargetStatus.NotMeasured, "Không có trong báo cáo.", ValueFormat.Count),
    ], TargetsInPeriod: 3);
}
