using Analytics.Reports.Charts;
using ScottPlot;
using SkiaSharp;
using Xunit;

namespace Analytics.Reports.Tests.Charts;

public sealed class ChartRenderingTests
{
    public static TheoryData<string> Kinds() => [.. SampleCharts.Kinds];

    public static TheoryData<string, ChartLanguage, int> EveryKindLanguageAndSize()
    {
        var data = new TheoryData<string, ChartLanguage, int>();
        foreach (var kind in SampleCharts.Kinds)
        {
            foreach (var lang in new[] { ChartLanguage.Vi, ChartLanguage.En })
            {
                foreach (var width in new[] { 1920, 960, 720 })
                {
                    data.Add(kind, lang, width);
                }
            }
        }

        return data;
    }

    private static ChartSize SizeOf(int width) => width switch { 1920 => ChartSize.Slide, 960 => ChartSize.Workbook, _ => ChartSize.Compact };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EachKindDrawsAPngOfItsSizeAndAnSvgWithItsTitleAsText(string kind)
    {
        var chart = SampleCharts.Build(kind, size: ChartSize.Slide);
        var rendered = chart.Render();

        Assert.Equal((1920, 1080), PngHeader.Size(rendered.Png));
        Assert.Contains("<svg", rendered.Svg, StringComparison.Ordinal);
        var texts = Golden.Structure(rendered.Svg).Where(e => e.StartsWith("text ", StringComparison.Ordinal)).ToList();
        Assert.Contains(texts, t => t.Contains($"'{chart.Labels[0].Text.Split('\n')[0]}' Inter", StringComparison.Ordinal));
        Assert.Equal(chart.Labels.Sum(l => l.Text.Split('\n').Length), texts.Count);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TextIsReallyDrawnInkWhereEveryLabelIsMeasured(string kind)
    {
        // With no font it can find, ScottPlot draws no text and raises nothing: look at the pixels.
        var chart = SampleCharts.Build(kind, size: ChartSize.Slide);
        using var bitmap = SKBitmap.Decode(chart.RenderPng());
        foreach (var label in chart.Labels)
        {
            var ink = 0;
            var b = label.Bounds;
            for (var y = (int)b.Top; y < (int)b.Bottom; y++)
            {
                for (var x = (int)b.Left; x < (int)b.Right; x++)
                {
                    var p = bitmap.GetPixel(x, y);
                    var expected = SKColor.Parse(label.Color);
                    if (Math.Abs(p.Red - expected.Red) < 60 && Math.Abs(p.Green - expected.Green) < 60 && Math.Abs(p.Blue - expected.Blue) < 60)
                    {
                        ink++;
                    }
                }
            }

            Assert.True(ink > b.Width * b.Height * 0.03, $"{kind}: no ink for '{label.Text}' ({label.Role}) in {b}");
        }
    }

    [Theory]
    [MemberData(nameof(EveryKindLanguageAndSize))]
    public void EveryLabelLiesInsideTheImageAndNoTwoLabelsOverlap(string kind, ChartLanguage lang, int width)
    {
        var chart = SampleCharts.Build(kind, lang, SizeOf(width));
        ChartAssert.LabelsFitAndDoNotOverlap(chart, $"{kind}/{lang}/{width}");
    }

    [Theory]
    [InlineData(1920)]
    [InlineData(960)]
    public void ARankingOfEveryProvinceKeepsItsRowsApart(int width)
    {
        // 68 long names: the national sample's provinces on one chart.
        var units = Enumerable.Range(1, 68).Select(i => new UnitValue($"Liên đoàn Lao động tỉnh mẫu số {i:00} – khu vực miền Trung", 0.5 + (i * 0.006))).ToList();
        var chart = ReportCharts.Ranking(new ChartText("Tỷ lệ đoàn viên trên CNVCLĐ", "Kho dữ liệu", "Năm 2024"), units, ValueFormat.Percent, 0.75, ChartLanguage.Vi, SizeOf(width));
        ChartAssert.LabelsFitAndDoNotOverlap(chart, $"68 provinces/{width}");
        Assert.Equal(68, chart.Labels.Count(l => l.Role == "category"));
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory("/tmp/charts-look").FullName, $"ranking-68-{width}.png"), chart.RenderPng());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void LabelsSitWhereScottPlotDrawsTheData(string kind)
    {
        // The layout maps data to pixels itself; ScottPlot's own mapping after a render must agree.
        var chart = SampleCharts.Build(kind, size: ChartSize.Slide);
        using var plot = chart.Plot();
        plot.RenderInMemory(chart.Size.Width, chart.Size.Height);
        var limits = chart.Limits;
        foreach (var (x, y) in new[] { (limits.Left, limits.Bottom), (limits.Right, limits.Top) })
        {
            var pixel = plot.GetPixel(new Coordinates(x, y));
            var expectedX = x == limits.Left ? chart.DataRect.Left : chart.DataRect.Right;
            var expectedY = y == limits.Bottom ? chart.DataRect.Bottom : chart.DataRect.Top;
            Assert.InRange(pixel.X, expectedX - 1.5f, expectedX + 1.5f);
            Assert.InRange(pixel.Y, expectedY - 1.5f, expectedY + 1.5f);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SameDataGivesTheSameFilesEveryTime(string kind)
    {
        var first = SampleCharts.Build(kind).Render();
        var second = SampleCharts.Build(kind).Render();
        Assert.Equal(first.Svg, second.Svg);
        Assert.Equal(first.Png, second.Png);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SvgAndPngMatchTheirReviewedGoldenFiles(string kind)
    {
        var rendered = SampleCharts.Build(kind).Render();
        Golden.AssertSvgMatches($"{kind}.svg", rendered.Svg);
        Golden.AssertPngMatches($"{kind}.png", rendered.Png);
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory("/tmp/charts-look").FullName, kind + ".png"), rendered.Png);
    }

    [Fact]
    public void VietnameseNumberFormatsAndWordsAreDrawn()
    {
        var texts = AllText(ChartLanguage.Vi);
        Assert.Contains("1.186.400", texts);
        Assert.Contains("78,4\u00A0%", texts);
        Assert.Contains("Chỉ tiêu: 1.200.000", texts);
        Assert.Contains("Đạt chỉ tiêu", texts);
        Assert.Contains("n = 1.645", texts);
        Assert.Contains("Nguồn: Báo cáo của LĐLĐ tỉnh Thanh Hóa · Kỳ báo cáo: Quý I/2023 – Quý IV/2024", texts);
    }

    [Fact]
    public void EnglishOnRequestUsesEnglishWordsAndNumberFormats()
    {
        var texts = AllText(ChartLanguage.En);
        Assert.Contains("1,186,400", texts);
        Assert.Contains("78.4\u00A0%", texts);
        Assert.Contains("Target: 1,200,000", texts);
        Assert.Contains("Target met", texts);
        Assert.Contains("absent", texts);
        Assert.DoesNotContain("1.186.400", texts);
    }

    [Fact]
    public void AUnitWithNoFigureForAYearIsMarkedAbsentAndGetsNoBar()
    {
        var chart = SampleCharts.Grouped();
        var absent = Assert.Single(chart.Labels, l => l.Role == "absent");
        Assert.Equal("không có", absent.Text);
        Assert.DoesNotContain(chart.Labels, l => l.Role == "value" && l.Text == "0");
        using var plot = chart.Plot();
        var bars = plot.GetPlottables<ScottPlot.Plottables.BarPlot>().Sum(b => b.Bars.Count);
        Assert.Equal(9, bars);
    }

    [Fact]
    public void LongNamesWrapOntoTwoLinesAtSpacesWithNoWordCut()
    {
        foreach (var size in new[] { ChartSize.Slide, ChartSize.Workbook, ChartSize.Compact })
        {
            var ranking = SampleCharts.Ranking(size: size);
            Assert.Single(ranking.Labels, l => l.Text.Replace('\n', ' ') == "Công đoàn Viên chức thành phố Hà Nội");
        }

        var bullets = SampleCharts.Bullets(size: ChartSize.Slide);
        var target = Assert.Single(bullets.Labels, l => l.Text.StartsWith("002-T03", StringComparison.Ordinal));
        var words = "002-T03 70% trở lên doanh nghiệp đủ điều kiện thành lập công đoàn cơ sở ở khu công nghiệp".Split(' ');
        Assert.Equal(2, target.Text.Split('\n').Length);
        Assert.All(target.Text.Replace('\n', ' ').TrimEnd('…').Split(' '), w => Assert.Contains(w, words));
    }

    [Fact]
    public void AWordTooLongForTheRoomIsNeverCut()
    {
        var canvas = ReportCharts.Canvas(ChartSize.Workbook);
        var (text, _) = canvas.Fit("Công đoàn Viên chức thành phố Hà Nội và các khu công nghiệp", 90, 2, 12, 8, false);
        Assert.All(text.Replace('\n', ' ').TrimEnd('…').Split(' '),
            w => Assert.Contains(w, "Công đoàn Viên chức thành phố Hà Nội và các khu công nghiệp".Split(' ')));
        Assert.True(text.Split('\n').Length <= 2);
    }

    [Fact]
    public void TextFromTheDataIsEscapedInTheSvg()
    {
        // The web page puts the SVG inline: a unit name must stay text, never become markup.
        var chart = ReportCharts.Ranking(new ChartText("<b>T</b>", "S & S", "P"),
            [new("<script>alert(1)</script>", 1), new("A \"quoted\" & unit", 2)], ValueFormat.Count);
        var svg = chart.RenderSvg();
        Assert.DoesNotContain("<script>", svg, StringComparison.Ordinal);
        var texts = System.Xml.Linq.XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Contains("<script>alert(1)</script>", texts);
        Assert.Contains("A \"quoted\" & unit", texts);
        Assert.Contains("<b>T</b>", texts);
    }

    private static List<string> AllText(ChartLanguage lang) =>
        [.. SampleCharts.Kinds.SelectMany(k => SampleCharts.Build(k, lang).Labels).Select(l => l.Text)];
}
