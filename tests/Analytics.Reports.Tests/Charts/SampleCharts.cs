using Analytics.Reports.Charts;
using Xunit;

namespace Analytics.Reports.Tests.Charts;

/// <summary>One small, realistic chart per kind, built fresh on every call.</summary>
internal static class SampleCharts
{
    public static readonly string[] Kinds = ["trend", "ranking", "grouped", "stacked", "bullets"];

    public const string TrendTitle = "Số đoàn viên kết nạp mới theo quý";
    public const string RankingTitle = "Tỷ lệ doanh nghiệp ký thỏa ước lao động tập thể";

    public static Chart Build(string kind, ChartLanguage lang = ChartLanguage.Vi, ChartSize? size = null) => kind switch
    {
        "trend" => Trend(lang, size),
        "ranking" => Ranking(lang, size),
        "grouped" => Grouped(lang, size),
        "stacked" => Stacked(lang, size),
        "bullets" => Bullets(lang, size),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static Chart Trend(ChartLanguage lang = ChartLanguage.Vi, ChartSize? size = null) => ReportCharts.Trend(
        new ChartText(TrendTitle, "Báo cáo của LĐLĐ tỉnh Thanh Hóa", "Quý I/2023 – Quý IV/2024"),
        [
            new("Quý I/2023", 1_050_200), new("Quý II/2023", 1_092_450), new("Quý III/2023", 1_118_000),
            new("Quý IV/2023", 1_131_900), new("Quý I/2024", 1_150_300), new("Quý II/2024", 1_162_750),
            new("Quý III/2024", 1_175_100), new("Quý IV/2024", 1_186_400),
        ],
        ValueFormat.Count,
        target: 1_200_000,
        lang,
        size);

    public static Chart Ranking(ChartLanguage lang = ChartLanguage.Vi, ChartSize? size = null) => ReportCharts.Ranking(
        new ChartText(RankingTitle, "Báo cáo năm của các LĐLĐ huyện", "Năm 2024"),
        [
            new("LĐLĐ huyện Gia Lâm", 0.784), new("LĐLĐ quận Long Biên", 0.812), new("LĐLĐ huyện Đông Anh", 0.693),
            new("LĐLĐ huyện Sóc Sơn", 0.75), new("LĐLĐ quận Hoàng Mai", 0.861), new("LĐLĐ huyện Thường Tín", 0.588),
            new("Công đoàn Viên chức thành phố Hà Nội", 0.922, Target: 0.9),
        ],
        ValueFormat.Percent,
        target: 0.75,
        lang,
        size);

    public static Chart Grouped(ChartLanguage lang = ChartLanguage.Vi, ChartSize? size = null) => ReportCharts.GroupedBars(
        new ChartText("Đoàn viên kết nạp mới: năm 2024 so với năm 2023", "Báo cáo năm của các LĐLĐ tỉnh", "Năm 2023, 2024"),
        [
            new("Lai Châu", "Năm 2023", 2_310), new("Lai Châu", "Năm 2024", 2_764),
            new("Thanh Hóa", "Năm 2023", 14_120), new("Thanh Hóa", "Năm 2024", 15_386),
            new("Điện Biên", "Năm 2023", 3_045), new("Điện Biên", "Năm 2024", 2_981),
            new("Hà Nội", "Năm 2023", 21_540), new("Hà Nội", "Năm 2024", 23_002),
            // Founded in 2024: no 2023 figure, drawn as "không có", not as 0.
            new("Công đoàn Khu kinh tế Nghi Sơn", "Năm 2023", null), new("Công đoàn Khu kinh tế Nghi Sơn", "Năm 2024", 1_204),
        ],
        ValueFormat.Count,
        lang,
        size);

    public static readonly string[] Ratings =
        ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"];

    public static Chart Stacked(ChartLanguage lang = ChartLanguage.Vi, ChartSize? size = null) => ReportCharts.StackedBars(
        new ChartText("Xếp loại công đoàn cơ sở theo khu vực", "Kết quả đánh giá, xếp loại CĐCS", "Năm 2024"),
        [
            new("Hành chính, sự nghiệp", Ratings[0], 412), new("Hành chính, sự nghiệp", Ratings[1], 1_036),
            new("Hành chính, sự nghiệp", Ratings[2], 188), new("Hành chính, sự nghiệp", Ratings[3], 9),
            new("Doanh nghiệp nhà nước", Ratings[0], 57), new("Doanh nghiệp nhà nước", Ratings[1], 131),
            new("Doanh nghiệp nhà nước", Ratings[2], 40), new("Doanh nghiệp nhà nước", Ratings[3], 4),
            new("Doanh nghiệp ngoài nhà nước", Ratings[0], 96), new("Doanh nghiệp ngoài nhà nước", Ratings[1], 603),
            new("Doanh nghiệp ngoài nhà nước", Ratings[2], 452), new("Doanh nghiệp ngoài nhà nước", Ratings[3], 87),
        ],
        Ratings,
        lang,
        size);

    public static Chart Bullets(ChartLanguage lang = ChartLanguage.Vi, ChartSize? size = null) => ReportCharts.Bullets(
        new ChartText("Kết quả thực hiện chỉ tiêu Kế hoạch 10/KH-LĐLĐ", "LĐLĐ tỉnh Thanh Hóa", "Năm 2024"),
        [
            new("Đoàn viên kết nạp mới (nhiệm kỳ)", 58_240, 70_000, ValueFormat.Count),
            new("CĐCS thành lập mới (nhiệm kỳ)", 312, 300, ValueFormat.Count),
            new("Doanh nghiệp đủ điều kiện có CĐCS", 0.684, 0.70, ValueFormat.Percent),
            new("Thu tài chính công đoàn so với dự toán", 0.957, 0.90, ValueFormat.Percent),
            new("Thỏa ước có lợi hơn cho người lao động", 0.784, 0.85, ValueFormat.Percent),
            new("002-T03 70% trở lên doanh nghiệp đủ điều kiện thành lập công đoàn cơ sở ở khu công nghiệp", 0.62, 0.70, ValueFormat.Percent),
        ],
        lang,
        size);
}
