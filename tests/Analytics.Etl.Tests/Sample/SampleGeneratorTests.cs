using System.Diagnostics;
using System.Text.Json;
using Analytics.Etl.Sample;
using OfficeOpenXml;
using Xunit;

namespace Analytics.Etl.Tests.Sample;

public sealed class SampleGeneratorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "analytics-sample-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void TheSameSeedGivesByteIdenticalFiles()
    {
        var options = new SampleOptions(SampleScale.Small, Path.Combine(_root, "a"), new DateOnly(2023, 12, 20));
        SampleGenerator.Generate(options);
        SampleGenerator.Generate(options with { OutputDirectory = Path.Combine(_root, "b") });

        var a = Files(Path.Combine(_root, "a"));
        var b = Files(Path.Combine(_root, "b"));
        Assert.Equal(a.Keys, b.Keys);
        Assert.Contains(a.Keys, k => k.EndsWith(".xlsx", StringComparison.Ordinal));
        foreach (var file in a.Keys)
        {
            Assert.True(a[file].AsSpan().SequenceEqual(b[file]), $"{file} differs between two runs");
        }
    }

    [Fact]
    public void ADifferentSeedGivesADifferentOrganisation()
    {
        var options = new SampleOptions(SampleScale.Small, Path.Combine(_root, "a"), new DateOnly(2021, 6, 20));
        SampleGenerator.Generate(options);
        SampleGenerator.Generate(options with { OutputDirectory = Path.Combine(_root, "b"), Seed = 7 });

        Assert.NotEqual(File.ReadAllText(Path.Combine(_root, "a", "units.csv")), File.ReadAllText(Path.Combine(_root, "b", "units.csv")));
    }

    [Fact]
    public void TheSmallScaleRunsInSeconds()
    {
        var clock = Stopwatch.StartNew();
        var summary = SampleGenerator.Generate(new SampleOptions(SampleScale.Small, _root, new DateOnly(2026, 11, 21)));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.InRange(summary.GrassrootsActiveAtAsOf, 250, 450);
        Assert.Equal("2021-Q1", summary.FirstQuarter);
        Assert.True(summary.Files > 1000);
    }

    [Theory]
    [InlineData("2026-09-14", "2026-Q2")]
    [InlineData("2026-09-15", "2026-Q3")]
    [InlineData("2025-03-15", "2025-Q1")]
    public void PeriodsRunThroughTheLastOneWhoseDeadlineHasPassed(string asOf, string lastQuarter)
    {
        var options = new SampleOptions(SampleScale.Small, _root, DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)) { FromYear = 2025 };
        var summary = SampleGenerator.Generate(options);

        Assert.Equal("2025-Q1", summary.FirstQuarter);
        Assert.Equal(lastQuarter, summary.LastQuarter);
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_root, "expected.json")));
        Assert.Equal(lastQuarter, expected.RootElement.GetProperty("periods").GetProperty("quarters").EnumerateArray().Last().GetString());
    }

    [Fact]
    public void BeforeJuly2025ThereIsNoReorganisationYet()
    {
        SampleGenerator.Generate(new SampleOptions(SampleScale.Small, _root, new DateOnly(2025, 3, 20)));

        var rows = UnitRow.ReadAll(Path.Combine(_root, "units.csv"));
        Assert.DoesNotContain(rows, r => r.From >= new DateOnly(2025, 7, 1) || r.To == new DateOnly(2025, 6, 30));
        Assert.All(rows, r => Assert.True(r.To is null || r.To <= new DateOnly(2025, 3, 20)));
    }

    [Fact]
    public void ASampleStartingAfterMid2025KeepsItsOrganisationValid()
    {
        SampleGenerator.Generate(new SampleOptions(SampleScale.Small, _root, new DateOnly(2026, 6, 20)) { FromYear = 2026 });

        var rows = UnitRow.ReadAll(Path.Combine(_root, "units.csv"));
        Assert.All(rows, r => Assert.True(r.From >= new DateOnly(2026, 1, 1) && (r.To is null || r.To >= r.From)));
        Assert.Contains(rows, r => r.Code == "HNI-LBN");
    }

    [Fact]
    public void RegeneratingReplacesAnEarlierSampleInTheSameFolder()
    {
        SampleGenerator.Generate(new SampleOptions(SampleScale.Small, _root, new DateOnly(2022, 6, 20)));
        SampleGenerator.Generate(new SampleOptions(SampleScale.Small, _root, new DateOnly(2021, 6, 20)));

        Assert.DoesNotContain(Directory.GetDirectories(Path.Combine(_root, "submissions")), d => Path.GetFileName(d).StartsWith("2022", StringComparison.Ordinal));
    }

    [Fact]
    public void AFolderThatIsNotASampleIsNeverCleared()
    {
        var foreign = Path.Combine(_root, "submissions", "keep.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(foreign)!);
        File.WriteAllText(foreign, "mine");

        Assert.Throws<IOException>(() => SampleGenerator.Generate(new SampleOptions(SampleScale.Small, _root, new DateOnly(2021, 6, 20))));
        Assert.True(File.Exists(foreign));
    }

    [Fact]
    public void WorkbooksAreReadableLongLayoutsOnTheFirstSheet()
    {
        SampleGenerator.Generate(new SampleOptions(SampleScale.Small, _root, new DateOnly(2022, 6, 20)));
        var path = Directory.GetFiles(Path.Combine(_root, "submissions"), "*.xlsx", SearchOption.AllDirectories).Order().First();

        using var package = new ExcelPackage(new FileInfo(path));
        var sheet = package.Workbook.Worksheets.First();
        Assert.Equal(["unit_code", "period", "indicator", "value"], Enumerable.Range(1, 4).Select(c => sheet.Cells[1, c].Text));
        Assert.Equal(Path.GetFileNameWithoutExtension(path).Split('_')[0], sheet.Cells[2, 1].Text);
        Assert.Equal("workers", sheet.Cells[2, 3].Text);
    }

    [Fact]
    public void ProgressIsReportedOncePerQuarter()
    {
        var reports = new List<SampleProgress>();
        SampleGenerator.Generate(new SampleOptions(SampleScale.Small, _root, new DateOnly(2021, 12, 20)), new SyncProgress(reports.Add));

        Assert.Equal([1, 2, 3, 4], reports.Select(r => r.Done));
        Assert.All(reports, r => Assert.Equal(4, r.Total));
    }

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);

    // Progress<T> posts to the thread pool; the test needs the reports before it asserts.
    private sealed class SyncProgress(Action<SampleProgress> report) : IProgress<SampleProgress>
    {
        public void Report(SampleProgress value) => report(value);
    }
}
