using System.Diagnostics;
using System.Text.Json.Nodes;
using Analytics.Reports.Charts;
using Xunit;

namespace Analytics.Reports.Tests.Charts;

public sealed class ChartWorkerTests : IDisposable
{
    public const string LookDirectory = "/tmp/charts-look";

    private readonly ChartWorker _worker = new();

    public void Dispose() => _worker.Dispose();

    public static TheoryData<string> Kinds() => [.. SampleCharts.Kinds];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EachChartKindRendersToSvgAtTheSizeOfItsSpec(string kind)
    {
        var svg = _worker.RenderSvg(SampleCharts.Build(kind));

        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("width=\"960\" height=\"540\"", svg, StringComparison.Ordinal);
        Assert.Contains("font-family=\"Noto Sans\"", svg, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EachChartKindRendersToPngOfTheRequestedPixelSize(string kind)
    {
        var png = _worker.RenderPng(SampleCharts.Build(kind, size: ChartSize.Workbook), 960, 540);

        Assert.Equal((960, 540), PngHeader.Size(png));
        Directory.CreateDirectory(LookDirectory);
        File.WriteAllBytes(Path.Combine(LookDirectory, $"{kind}.png"), png);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EachChartKindRendersAsA1920By1080SlideInEnglishToo(string kind)
    {
        var png = _worker.RenderPng(SampleCharts.Build(kind, ChartLanguage.En, ChartSize.Slide), 1920, 1080);

        Assert.Equal((1920, 1080), PngHeader.Size(png));
        Directory.CreateDirectory(LookDirectory);
        File.WriteAllBytes(Path.Combine(LookDirectory, $"{kind}-slide-en.png"), png);
    }

    [Fact]
    public void ScaleMultipliesThePixelSize()
    {
        var png = _worker.RenderPng(SampleCharts.Trend(size: ChartSize.Workbook), 960, 540, scale: 2);

        Assert.Equal((1920, 1080), PngHeader.Size(png));
    }

    [Fact]
    public void MalformedSpecRaisesTheWorkersMessageAndTheNextRequestSucceeds()
    {
        _worker.RenderSvg(SampleCharts.Trend());
        var pid = _worker.ProcessId;

        // vega-lite would only warn and draw a different chart; the worker refuses it.
        var bad = new JsonObject { ["mark"] = "bar", ["encoding"] = new JsonObject { ["x"] = new JsonObject { ["aggregate"] = "no-such-op", ["field"] = "a" } } };
        var error = Assert.Throws<ChartRenderException>(() => _worker.RenderSvg(bad));
        var broken = Assert.Throws<ChartRenderException>(() => _worker.RenderSvg(new JsonObject { ["mark"] = "no-such-mark" }));

        Assert.Contains("invalid Vega-Lite spec: Invalid aggregation operator \"no-such-op\"", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("invalid Vega-Lite spec", broken.Message, StringComparison.Ordinal);
        Assert.Contains(SampleCharts.TrendTitle, _worker.RenderSvg(SampleCharts.Trend()), StringComparison.Ordinal);
        Assert.Equal(pid, _worker.ProcessId);
        Assert.Equal(1, _worker.Starts);
    }

    [Fact]
    public void SpecThatIsNotAnObjectIsRejectedWithoutKillingTheWorker()
    {
        Assert.Throws<ChartRenderException>(() => _worker.RenderSvg(JsonValue.Create("not a spec")));

        Assert.StartsWith("<svg", _worker.RenderSvg(SampleCharts.Stacked()), StringComparison.Ordinal);
        Assert.Equal(1, _worker.Starts);
    }

    [Fact]
    public void SpecReadingExternalDataIsRefused()
    {
        var spec = new JsonObject
        {
            ["data"] = new JsonObject { ["url"] = "/etc/passwd" },
            ["mark"] = "bar",
            ["encoding"] = new JsonObject { ["x"] = new JsonObject { ["field"] = "a", ["type"] = "nominal" } },
        };

        var error = Assert.Throws<ChartRenderException>(() => _worker.RenderSvg(spec));

        Assert.Contains("external data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KilledWorkerIsRestartedAndTheNextRenderSucceeds()
    {
        _worker.RenderSvg(SampleCharts.Grouped());
        var pid = _worker.ProcessId ?? throw new InvalidOperationException("worker not running");

        using (var process = Process.GetProcessById(pid))
        {
            process.Kill();
            process.WaitForExit(5000);
        }

        var png = _worker.RenderPng(SampleCharts.Grouped(), 640, 360);

        Assert.Equal((640, 360), PngHeader.Size(png));
        Assert.NotEqual(pid, _worker.ProcessId);
        Assert.Equal(2, _worker.Starts);
    }

    [Fact]
    public void RequestThatTakesTooLongTimesOutAndTheWorkerIsReplaced()
    {
        using var worker = new ChartWorker();
        worker.RenderSvg(SampleCharts.Trend());
        var pid = worker.ProcessId;
        // 150,000 points take about ten seconds to lay out, well past three.
        worker.Timeout = TimeSpan.FromSeconds(3);
        var slow = new JsonObject
        {
            ["data"] = new JsonObject { ["sequence"] = new JsonObject { ["start"] = 0, ["stop"] = 150_000 } },
            ["mark"] = "point",
            ["encoding"] = new JsonObject
            {
                ["x"] = new JsonObject { ["field"] = "data", ["type"] = "quantitative" },
                ["y"] = new JsonObject { ["field"] = "data", ["type"] = "quantitative" },
            },
        };

        var error = Assert.Throws<ChartRenderException>(() => worker.RenderSvg(slow));

        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
        worker.Timeout = ChartWorker.DefaultTimeout;
        Assert.StartsWith("<svg", worker.RenderSvg(SampleCharts.Trend()), StringComparison.Ordinal);
        Assert.NotEqual(pid, worker.ProcessId);
    }

    [Fact]
    public void ConcurrentCallersEachGetTheirOwnChart()
    {
        var kinds = SampleCharts.Kinds.Concat(SampleCharts.Kinds).ToArray();
        var results = new string[kinds.Length];

        Parallel.For(0, kinds.Length, i => results[i] = _worker.RenderSvg(SampleCharts.Build(kinds[i])));

        for (var i = 0; i < kinds.Length; i++)
        {
            Assert.Equal(results[i % SampleCharts.Kinds.Length], results[i]);
        }

        Assert.Contains(SampleCharts.TrendTitle, results[0], StringComparison.Ordinal);
        Assert.Contains(SampleCharts.RankingTitle, results[1], StringComparison.Ordinal);
    }

    [Fact]
    public void DisposedWorkerKillsItsProcess()
    {
        var worker = new ChartWorker();
        worker.RenderSvg(SampleCharts.Trend());
        var pid = worker.ProcessId ?? throw new InvalidOperationException("worker not running");
        using var process = Process.GetProcessById(pid);

        worker.Dispose();

        Assert.True(process.WaitForExit(5000));
        Assert.Throws<ObjectDisposedException>(() => worker.RenderSvg(SampleCharts.Trend()));
    }

    [Fact]
    public void ThroughputHookReportsChartsPerSecondAndLeavesTheWorkerUsable()
    {
        var perSecond = ChartThroughput.MeasureWarm(_worker, SampleCharts.Ranking(), 5, ChartSize.Workbook);

        Assert.True(perSecond > 0, $"{perSecond} charts/s");
        Assert.Equal(1, _worker.Starts);
        Assert.StartsWith("<svg", _worker.RenderSvg(SampleCharts.Ranking()), StringComparison.Ordinal);
    }

    [Fact]
    public void SvgAndPngFromOneRenderAreTheSvgAloneAndAPngOfTheRequestedSize()
    {
        var spec = SampleCharts.Ranking();

        var both = _worker.RenderSvgAndPng(spec, 960, 540);

        Assert.Equal(_worker.RenderSvg(spec), both.Svg);
        Assert.Equal((960, 540), PngHeader.Size(both.Png));
    }

    [Fact]
    public void GreaterOrEqualSignsAreDrawnFromTheFallbackFontAndMeasuredWithIt()
    {
        // Noto Sans has no "≥": without a fallback it is drawn, and measured, exactly like a character
        // no font has (U+E000, private use), so the two pictures would be the same.
        var spec = SampleCharts.Ranking();
        spec["title"]!["text"] = "Tỷ lệ ≥ 80% và ≤ 100%";
        var boxes = SampleCharts.Ranking();
        boxes["title"]!["text"] = "Tỷ lệ \uE000 80% và \uE000 100%";

        var svg = _worker.RenderSvgAndPng(spec, 960, 540);
        var reference = _worker.RenderSvgAndPng(boxes, 960, 540);

        Assert.Contains("≥ 80% và ≤ 100%", svg.Svg, StringComparison.Ordinal);
        Assert.NotEqual(reference.Png, svg.Png);
    }
}
