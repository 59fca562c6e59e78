using System.Text.RegularExpressions;
using Analytics.Reports.Charts;
using Analytics.Reports.Conference;
using Analytics.Reports.Excel;
using Analytics.Reports.Tests.Charts;
using Analytics.Reports.Tests.Excel;

namespace Analytics.Reports.Tests.Language;

/// <summary>
/// Every number a reader sees in a report's text (workbook text cells, chart SVG text, the conference
/// index page) is written with its language's separators: 28.885 and 1,5 in Vietnamese, 28,885 and 1.5
/// in English. Numeric cells are numbers with an Excel format, which Excel shows in the reader's own
/// locale, so only text is checked.
/// </summary>
public sealed partial class NumberFormatsTests(ReportWarehouse w) : IClassFixture<ReportWarehouse>
{
    // A number written the other language's way: in Vietnamese text 1,234 (English thousands) or 1.5 / 0.75
    // (English decimals); in English text 1.234 (Vietnamese thousands) or 1,5 / 0,75 (Vietnamese decimals).
    // Three digits after a single separator are read as thousands, as a reader would.
    [GeneratedRegex(@"(?<![\d.,])\d{1,3}(,\d{3})+(?![\d,.]*\d)|(?<![\d.,])\d+\.\d{1,2}(?![\d.]*\d)")]
    private static partial Regex EnglishNumber();

    [GeneratedRegex(@"(?<![\d.,])\d{1,3}(\.\d{3})+(?![\d,.]*\d)|(?<![\d.,])\d+,\d{1,2}(?![\d,]*\d)")]
    private static partial Regex VietnameseNumber();

    [Fact]
    public void TheDetectorsTellTheTwoLanguagesApart()
    {
        Assert.Matches(EnglishNumber(), "28,885 members");
        Assert.Matches(EnglishNumber(), "in 1.5 s");
        Assert.DoesNotMatch(EnglishNumber(), "28.885 đoàn viên; 1,5 giây; 15/03/2024; 2024-Q1; 1.234.567");
        Assert.Matches(VietnameseNumber(), "28.885 members");
        Assert.Matches(VietnameseNumber(), "1,1 %");
        Assert.DoesNotMatch(VietnameseNumber(), "28,885 members; 1.5 s; 2024-03-15; 1,234,567; 600 - 700");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WorkbookTextWritesNumbersInItsLanguage(bool english)
    {
        var loader = new ReportLoader(w.Connection, new FixedClock(ReportWarehouse.Now), english);
        var books = new (string Name, byte[] Bytes)[]
        {
            ("annual", AnnualWorkbook.Build(loader.Annual("HNI", "2024"))),
            ("monthly", MonthlyWorkbook.Build(loader.Monthly("HNI", "2024-06"))),
            ("plan 004", PlanScorecardWorkbook.Build(loader.Plan("004", null, "2024"))),
            ("plan 002 for HNI", PlanScorecardWorkbook.Build(loader.Plan("002", "HNI", "2024"))),
        };
        var texts = new List<(string Where, string Text)>();
        foreach (var (name, bytes) in books)
        {
            using var reader = new WorkbookReader(bytes);
            foreach (var sheet in reader.Package.Workbook.Worksheets)
            {
                if (sheet.Dimension is null) continue;
                foreach (var cell in sheet.Cells[sheet.Dimension.Address])
                    if (cell.Value is string s) texts.Add(($"{name} {sheet.Name}!{cell.Address}", s));
            }
        }
        AssertNumbersIn(texts, english);
    }

    [Theory]
    [InlineData(false, "≥ 70\u00A0%", "≥ 18.000", "85\u00A0%", "600 – 700")]
    [InlineData(true, "≥ 70\u00A0%", "≥ 18,000", "85\u00A0%", "600 – 700")]
    public void TargetsAreWrittenAsThePlanSaysInTheLanguagesNumberFormat(bool english, string share, string count, string above, string range)
    {
        // 004-T02 ≥ 0.7 (a share), 004-T21 ≥ 18,000 members, 004-T33 > 0.85, 004-T12 600 to 700 units.
        var plan = new ReportLoader(w.Connection, new FixedClock(ReportWarehouse.Now), english).Plan("004", null, "2024");
        string Text(string id) => plan.Targets.Single(t => t.TargetId == id).TargetText;

        Assert.Equal(share, Text("004-T02"));
        Assert.Equal(count, Text("004-T21"));
        Assert.EndsWith(above, Text("004-T33"), StringComparison.Ordinal);
        Assert.Equal(range, Text("004-T12"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ChartAndConferenceTextWritesNumbersInItsLanguage(bool english)
    {
        var loader = new ReportLoader(w.Connection, new FixedClock(ReportWarehouse.Now), english);
        var charts = ConferencePack.Charts(loader.Annual("HNI", "2024"), [loader.Plan("004", null, "2024")]);
        var texts = charts.SelectMany(c =>
            System.Xml.Linq.XDocument.Parse(c.Chart.RenderSvg()).Descendants()
                .Where(e => e.Name.LocalName == "text").Select(e => ($"{c.Name}.svg", e.Value))).ToList();
        var samples = SampleCharts.Kinds.Select(kind => (kind, SampleCharts.Build(kind, english ? ChartLanguage.En : ChartLanguage.Vi)));
        texts.AddRange(samples.SelectMany(c =>
            System.Xml.Linq.XDocument.Parse(c.Item2.RenderSvg()).Descendants()
                .Where(e => e.Name.LocalName == "text").Select(e => ($"sample {c.kind}.svg", e.Value))));
        var index = System.Net.WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(ConferencePack.Index(charts, "Hà Nội 2024", english), "<style>.*?</style>", "", RegexOptions.Singleline), "<[^>]+>", "\n"));
        // The page's words, not its style sheet.
        texts.AddRange(index.Split('\n').Select(line => ("index.html", line)));
        AssertNumbersIn(texts, english);
    }

    private static void AssertNumbersIn(List<(string Where, string Text)> texts, bool english)
    {
        var numbers = texts.Where(t => Regex.IsMatch(t.Text, @"\d")).ToList();
        Assert.True(numbers.Count > 20, $"only {numbers.Count} texts with a number read");
        var wrong = english ? VietnameseNumber() : EnglishNumber();
        var hits = numbers.Where(t => wrong.IsMatch(t.Text)).Select(t => $"{t.Where}: {t.Text}").ToList();
        Assert.True(hits.Count == 0, $"numbers written the {(english ? "Vietnamese" : "English")} way in {(english ? "English" : "Vietnamese")} text:\n" + string.Join("\n", hits));
    }
}
