using Analytics.Reports.Charts;
using Analytics.Reports.Conference;
using Analytics.Reports.Tests.Charts;
using Analytics.Reports.Tests.Excel;

namespace Analytics.Reports.Tests.Conference;

public sealed class ConferencePackTests
{
    private static IReadOnlyList<ConferenceChart> Pack(bool english = false) =>
        ConferencePack.Charts(HandMadeData.Annual(english), [HandMadeData.Plan(english)]);

    [Fact]
    public void ThePackHoldsEveryKeyChartInSlideOrder()
    {
        Assert.Equal(
            ["01-trend-members", "02-trend-membership_rate", "03-ranking-membership_rate", "04-admitted-by-unit", "05-ratings-by-sector", "06-plan-002"],
            Pack().Select(c => c.Name));
    }

    [Fact]
    public void SlidesAreSvgAndFullHdPngWithAnIndexShowingThemInOrderWithVietnameseCaptions()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("analytics-conference-").FullName, "pack");
        var charts = Pack();
        var files = ConferencePack.Write(charts, folder, "LĐLĐ Thành phố Hà Nội — biểu đồ chủ yếu năm 2024", english: false);
        Assert.Equal((charts.Count * 2) + 1, files.Count);
        foreach (var chart in charts)
        {
            var png = File.ReadAllBytes(Path.Combine(folder, chart.Name + ".png"));
            Assert.Equal((1920, 1080), PngHeader.Size(png));
            // Read back: the SVG on disk is the chart's, text and all.
            Golden.AssertSvgMatches($"{chart.Name}.vi.svg", File.ReadAllText(Path.Combine(folder, chart.Name + ".svg")));
            // Kept for a look: diacritics, overlaps, clipped labels.
            File.Copy(Path.Combine(folder, chart.Name + ".png"), Path.Combine(Directory.CreateDirectory("/tmp/reports-look/conference").FullName, chart.Name + ".png"), true);
        }
        var html = File.ReadAllText(Path.Combine(folder, "index.html"));
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        var positions = charts.Select(c => html.IndexOf($"<a href=\"{c.Name}.svg\"><img src=\"{c.Name}.png\"", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("Biểu đồ 1.", html, StringComparison.Ordinal);
        Assert.Contains("Xếp hạng các đơn vị trực thuộc LĐLĐ Thành phố Hà Nội theo tỷ lệ đoàn viên trên CNVCLĐ, năm 2024.", html, StringComparison.Ordinal);
        // The unit named like a formula is HTML-escaped text in the captions, never markup.
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SlidesMatchTheirReviewedGoldenFiles(bool english)
    {
        var look = Directory.CreateDirectory("/tmp/reports-look/conference").FullName;
        foreach (var chart in Pack(english))
        {
            var name = $"{chart.Name}.{(english ? "en" : "vi")}";
            var rendered = chart.Chart.Render();
            Golden.AssertSvgMatches(name + ".svg", rendered.Svg);
            Golden.AssertPngMatches(name + ".png", rendered.Png);
            // Kept for a look: diacritics, overlaps, clipped labels.
            File.WriteAllBytes(Path.Combine(look, name + ".png"), rendered.Png);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void EverySlideLabelLiesInsideTheSlideAndNoTwoOverlap(bool english)
    {
        foreach (var chart in Pack(english))
        {
            ChartAssert.LabelsFitAndDoNotOverlap(chart.Chart, chart.Name);
        }
    }

    [Fact]
    public void AChildUnitWithNoFigureLastYearIsShownAbsentNotZero()
    {
        // HNI-EVL was founded this year: it has no admissions figure for last year.
        var annual = HandMadeData.Annual();
        annual = annual with { PreviousYearValues = [.. annual.PreviousYearValues.Where(v => v.UnitCode != "HNI-EVL")] };
        var admitted = ConferencePack.Charts(annual, []).Single(c => c.Name.EndsWith("admitted-by-unit", StringComparison.Ordinal)).Chart;
        Assert.Contains(admitted.Labels, l => l.Role == "absent" && l.Text == "không có");
        Assert.DoesNotContain(admitted.Labels, l => l.Role == "value" && l.Text == "0");
    }

    [Fact]
    public void SlidesDrawnOnTwoThreadsAreTheFilesOfOneInSlideOrder()
    {
        var charts = Pack();
        var one = Path.Combine(Directory.CreateTempSubdirectory("analytics-conference-").FullName, "one");
        var two = Path.Combine(Directory.CreateTempSubdirectory("analytics-conference-").FullName, "two");

        var byOne = ConferencePack.Write(charts, one, "T", english: false, parallelism: 1);
        var byTwo = ConferencePack.Write(charts, two, "T", english: false, parallelism: 2);

        Assert.Equal(byOne.Select(Path.GetFileName), byTwo.Select(Path.GetFileName));
        foreach (var file in byOne)
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(two, Path.GetFileName(file))));
        }
    }

    [Fact]
    public void UnitLabelsDropTheEndingEveryNameSharesAndKeepEveryOtherWord()
    {
        var labels = ConferencePack.Labels(
            [("HNI-CVC", "Công đoàn Viên chức thành phố Hà Nội – Thành phố Hà Nội"), ("HNI-D01", "LĐLĐ quận/huyện số 01 – Thành phố Hà Nội"), ("HNI-D02", "LĐLĐ quận/huyện số 02 – Thành phố Hà Nội")]);

        Assert.Equal("Công đoàn Viên chức thành phố Hà Nội", labels["HNI-CVC"]);
        Assert.Equal("LĐLĐ quận/huyện số 01", labels["HNI-D01"]);
        Assert.Equal("LĐLĐ quận/huyện số 02", labels["HNI-D02"]);
    }

    [Fact]
    public void UnitLabelsThatWouldCollideAreUnitCodes()
    {
        // Two bars with one label would read as one unit.
        var labels = ConferencePack.Labels([("AGG-D01", "LĐLĐ tỉnh An Giang"), ("AGG-D02", "LĐLĐ tỉnh An Giang")]);

        Assert.Equal("AGG-D01", labels["AGG-D01"]);
        Assert.Equal("AGG-D02", labels["AGG-D02"]);
    }
}
