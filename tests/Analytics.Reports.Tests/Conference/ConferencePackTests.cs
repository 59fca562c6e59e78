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
        using var worker = new ChartWorker();
        var charts = Pack();
        var files = ConferencePack.Write(charts, worker, folder, "LĐLĐ Thành phố Hà Nội — biểu đồ chủ yếu năm 2024", english: false);
        Assert.Equal((charts.Count * 2) + 1, files.Count);
        foreach (var chart in charts)
        {
            var png = File.ReadAllBytes(Path.Combine(folder, chart.Name + ".png"));
            Assert.Equal((1920, 1080), PngHeader.Size(png));
            Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(folder, chart.Name + ".svg")), StringComparison.Ordinal);
            // Kept for a look: diacritics, overlaps, clipped labels.
            File.Copy(Path.Combine(folder, chart.Name + ".png"), Path.Combine(Directory.CreateDirectory("/tmp/reports-look/conference").FullName, chart.Name + ".png"), true);
        }
        var html = File.ReadAllText(Path.Combine(folder, "index.html"));
        Assert.Contains("<html lang=\"vi\">", html, StringComparison.Ordinal);
        var positions = charts.Select(c => html.IndexOf($"src=\"{c.Name}.svg\"", StringComparison.Ordinal)).ToList();
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
    public void SlideSvgsMatchTheirReviewedGoldenFiles(bool english)
    {
        using var worker = new ChartWorker();
        foreach (var chart in Pack(english))
        {
            Golden.AssertMatches($"{chart.Name}.{(english ? "en" : "vi")}.svg", worker.RenderSvg(chart.Spec));
        }
    }

    [Fact]
    public void TwoWorkersWriteTheSameFilesInSlideOrderAsOne()
    {
        var charts = Pack();
        var one = Path.Combine(Directory.CreateTempSubdirectory("analytics-conference-").FullName, "one");
        var two = Path.Combine(Directory.CreateTempSubdirectory("analytics-conference-").FullName, "two");
        using var a = new ChartWorker();
        using var b = new ChartWorker();

        var byOne = ConferencePack.Write(charts, a, one, "T", english: false);
        var byTwo = ConferencePack.Write(charts, [a, b], two, "T", english: false);

        Assert.Equal(byOne.Select(Path.GetFileName), byTwo.Select(Path.GetFileName));
        Assert.Equal(1, b.Starts);
        foreach (var file in byOne)
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(two, Path.GetFileName(file))));
        }
    }

    [Fact]
    public void UnitLabelsDropTheEndingEveryNameSharesAndAreShortenedAtAWord()
    {
        var labels = ConferencePack.Labels(
            [("AGG-CVC", "Công đoàn Viên chức tỉnh An Giang"), ("AGG-D01", "LĐLĐ quận/huyện số 01 – tỉnh An Giang"), ("AGG-D02", "LĐLĐ quận/huyện số 02 – tỉnh An Giang")], 30);

        Assert.Equal("Công đoàn Viên chức", labels["AGG-CVC"]);
        Assert.Equal("LĐLĐ quận/huyện số 01", labels["AGG-D01"]);
        Assert.Equal("LĐLĐ quận/huyện số 02", labels["AGG-D02"]);
    }

    [Fact]
    public void UnitLabelsThatWouldCollideWhenShortenedAreUnitCodes()
    {
        // Two bars with one label would be drawn as one by vega.
        var labels = ConferencePack.Labels([("AGG-D01", "LĐLĐ quận/huyện số 01 – tỉnh An Giang"), ("AGG-D02", "LĐLĐ quận/huyện số 02 – tỉnh An Giang")], 12);

        Assert.Equal("AGG-D01", labels["AGG-D01"]);
        Assert.Equal("AGG-D02", labels["AGG-D02"]);
    }
}
