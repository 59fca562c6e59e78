using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Reports.Charts;
using Xunit;

namespace Analytics.Reports.Tests.Charts;

public sealed class ChartSpecsTests : IDisposable
{
    private readonly ChartWorker _worker = new();

    public void Dispose() => _worker.Dispose();

    public static TheoryData<string> Kinds() => [.. SampleCharts.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SvgMatchesItsReviewedGoldenFile(string kind)
    {
        var svg = _worker.RenderSvg(SampleCharts.Build(kind));

        Golden.AssertMatches($"{kind}.svg", svg);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SameDataGivesTheSameSvgEveryTime(string kind)
    {
        var first = _worker.RenderSvg(SampleCharts.Build(kind));
        _worker.RenderSvg(SampleCharts.Build(SampleCharts.Kinds[(Array.IndexOf(SampleCharts.Kinds, kind) + 1) % SampleCharts.Kinds.Length]));
        using var other = new ChartWorker();

        Assert.Equal(first, _worker.RenderSvg(SampleCharts.Build(kind)));
        Assert.Equal(first, other.RenderSvg(SampleCharts.Build(kind)));
    }

    [Fact]
    public void VietnameseTitlesLabelsAndNumberFormatsAppearInTheSvg()
    {
        var trend = _worker.RenderSvg(SampleCharts.Trend());
        var ranking = _worker.RenderSvg(SampleCharts.Ranking());

        Assert.Contains($">{SampleCharts.TrendTitle}</text>", trend, StringComparison.Ordinal);
        Assert.Contains(">1.186.400</text>", trend, StringComparison.Ordinal);
        Assert.Contains(">Chỉ tiêu: 1.200.000</text>", trend, StringComparison.Ordinal);
        Assert.Contains(">Nguồn: Báo cáo của LĐLĐ tỉnh Thanh Hóa · Kỳ báo cáo: Quý I/2023 – Quý IV/2024</text>", trend, StringComparison.Ordinal);
        Assert.Contains($">{SampleCharts.RankingTitle}</text>", ranking, StringComparison.Ordinal);
        Assert.Contains(">78,4%</text>", ranking, StringComparison.Ordinal);
        Assert.Contains(">Chưa đạt chỉ tiêu</text>", ranking, StringComparison.Ordinal);
        Assert.Contains(">LĐLĐ huyện Đông Anh</text>", ranking, StringComparison.Ordinal);
    }

    [Fact]
    public void EnglishOnRequestUsesEnglishWordsAndNumberFormats()
    {
        var trend = _worker.RenderSvg(SampleCharts.Trend(ChartLanguage.En));
        var ranking = _worker.RenderSvg(SampleCharts.Ranking(ChartLanguage.En));

        Assert.Contains(">1,186,400</text>", trend, StringComparison.Ordinal);
        Assert.Contains(">Target: 1,200,000</text>", trend, StringComparison.Ordinal);
        Assert.Contains(">78.4%</text>", ranking, StringComparison.Ordinal);
        Assert.Contains(">Target not met</text>", ranking, StringComparison.Ordinal);
        Assert.DoesNotContain("Chỉ tiêu", trend, StringComparison.Ordinal);
    }

    [Fact]
    public void RankingListsUnitsFromLargestToSmallestValue()
    {
        var units = new UnitValue[]
        {
            new("Đơn vị B", 30), new("Đơn vị A", 50), new("Đơn vị D", 10), new("Đơn vị C", 30), new("Đơn vị E", 70),
        };
        var svg = _worker.RenderSvg(ChartSpecs.Ranking(new ChartText("Xếp hạng", "Thử", "2024"), units, ValueFormat.Count, target: 40));

        var order = units.Select(u => u.Unit).OrderBy(u => LabelY(svg, u)).ToList();

        // Ties (B and C, both 30) are ordered by name so the chart is the same every time.
        Assert.Equal(["Đơn vị E", "Đơn vị A", "Đơn vị B", "Đơn vị C", "Đơn vị D"], order);
    }

    [Fact]
    public void RankingColoursUnitsByWhetherTheyMetTheirTarget()
    {
        var spec = ChartSpecs.Ranking(
            new ChartText("Xếp hạng", "Thử", "2024"),
            [new("Đạt", 0.8), new("Không đạt", 0.7), new("Chỉ tiêu riêng", 0.85, Target: 0.9)],
            ValueFormat.Percent,
            target: 0.75);
        var svg = _worker.RenderSvg(spec);

        Assert.Equal(1, BarsFilled(svg, "#2e7d4f"));
        Assert.Equal(2, BarsFilled(svg, "#d9822b"));
    }

    [Fact]
    public void TrendDrawsTheTargetAsADashedLine()
    {
        var svg = _worker.RenderSvg(SampleCharts.Trend());
        var withoutTarget = _worker.RenderSvg(ChartSpecs.Trend(
            new ChartText("Xu hướng", "Thử", "2024"), [new("Quý I", 1), new("Quý II", 2)], ValueFormat.Count));

        Assert.Contains("stroke-dasharray", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("stroke-dasharray", withoutTarget, StringComparison.Ordinal);
    }

    [Fact]
    public void BulletsLabelEachRowInItsOwnFormat()
    {
        var svg = _worker.RenderSvg(SampleCharts.Bullets());

        Assert.Contains(">58.240 / 70.000  (83,2%)</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">68,4% / 70,0%  (97,7%)</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void StackedBarsShowEachPartsShareOfItsCategory()
    {
        var svg = _worker.RenderSvg(SampleCharts.Stacked());

        // 603 of 1.238 non-state CĐCS rated "tốt".
        Assert.Contains(">48,7%</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">n = 1.238</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">Không hoàn thành nhiệm vụ</text>", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void SlideSizeScalesTheText()
    {
        var small = _worker.RenderSvg(SampleCharts.Trend(size: ChartSize.Workbook));
        var slide = _worker.RenderSvg(SampleCharts.Trend(size: ChartSize.Slide));

        Assert.Contains("width=\"1920\" height=\"1080\"", slide, StringComparison.Ordinal);
        Assert.Equal(2 * TitleFontSize(small), TitleFontSize(slide));
    }

    private static double LabelY(string svg, string label)
    {
        var match = Regex.Match(svg, $"translate\\([-\\d.]+,([-\\d.]+)\\)[^>]*>{Regex.Escape(label)}</text>");
        Assert.True(match.Success, $"no label {label}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static int BarsFilled(string svg, string color) =>
        Regex.Count(svg, $"aria-roledescription=\"bar\"[^>]*fill=\"{color}\"");

    private static double TitleFontSize(string svg)
    {
        var match = Regex.Match(svg, $"font-size=\"([\\d.]+)px\" font-weight=\"bold\"[^>]*>{Regex.Escape(SampleCharts.TrendTitle)}<");
        Assert.True(match.Success, "title not found");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
