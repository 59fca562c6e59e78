using System.Xml.Linq;
using Analytics.Jobs.Web;
using Analytics.Warehouse.Completeness;

namespace Analytics.Jobs.Tests.Web;

/// <summary>The completeness page's chart: the reports' stacked bars, drawn on the server as inline SVG.</summary>
public sealed class CompletenessChartTests
{
    private static CompletenessReport.Result Result(params CompletenessReport.UnitCounts[] units) =>
        new("2024-Q3", new DateTime(2024, 10, 20), new DateTime(2024, 9, 15), units, []);

    [Fact]
    public void Each_unit_is_a_bar_of_on_time_late_and_missing_shares_with_its_expected_count()
    {
        var svg = CompletenessPages.Chart(Result(
            new("HNI", "LĐLĐ Thành phố Hà Nội", 1, "VN", 200, 150, 120, 30, 50),
            new("THA", "LĐLĐ tỉnh Thanh Hóa", 1, "VN", 100, 100, 100, 0, 0)), english: false)!.ToString();

        Assert.StartsWith("<svg ", svg, StringComparison.Ordinal);
        var texts = XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("HNI LĐLĐ Thành phố Hà Nội", texts);
        Assert.Contains("THA LĐLĐ tỉnh Thanh Hóa", texts);
        Assert.Contains("Đúng hạn", texts);
        Assert.Contains("Chưa nộp", texts);
        Assert.Contains("60,0\u00A0%", texts);
        Assert.Contains("25,0\u00A0%", texts);
        Assert.Contains("n = 200", texts);
        Assert.Contains("Nguồn: bản sao đã công bố · Kỳ báo cáo: 2024-Q3, hạn nộp 15/09/2024", texts);
    }

    [Fact]
    public void No_unit_expecting_reports_gives_no_chart()
    {
        Assert.Null(CompletenessPages.Chart(Result(new CompletenessReport.UnitCounts("HNI", "LĐLĐ Thành phố Hà Nội", 1, "VN", 0, 0, 0, 0, 0)), english: true));
    }

    [Fact]
    public void A_unit_name_with_markup_is_text_in_the_svg()
    {
        var svg = CompletenessPages.Chart(Result(
            new CompletenessReport.UnitCounts("X1", "<script>alert(1)</script> & co", 1, "VN", 10, 5, 5, 0, 5)), english: true)!.ToString();
        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        var texts = XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("X1 <script>alert(1)</script> & co", texts);
    }
}
