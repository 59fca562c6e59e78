using Analytics.Reports.Charts;
using Analytics.Reports.Excel;
using Analytics.Reports.Tests.Charts;
using Analytics.Reports.Tests.Excel;
using Analytics.Tests.Shared;

namespace Analytics.Reports.Tests.Language;

/// <summary>What a Vietnamese reader gets from the reports holds no English sentence: every text cell of every workbook, every SVG text.</summary>
public sealed class VietnameseOutputTests(ReportWarehouse w) : IClassFixture<ReportWarehouse>
{
    [Fact]
    public void TheDetectorFindsAnEnglishSentenceAndPassesVietnameseAndCodes()
    {
        Assert.NotEmpty(EnglishInVietnamese.Find("Lỗi: no file or folder 'x.csv'"));
        Assert.NotEmpty(EnglishInVietnamese.Find("The target is not measured yet"));
        Assert.Empty(EnglishInVietnamese.Find("Không có đơn vị 'XYZ'; có phải GLM-A? Xem docs/analyst-guide.md, chỉ tiêu members_admitted, kỳ 2024-Q1"));
        Assert.Empty(EnglishInVietnamese.Find("SELECT unit_code FROM v_rollup"));
    }

    [Fact]
    public void WorkbooksInVietnameseHaveNoEnglishSentences()
    {
        var loader = new ReportLoader(w.Connection, new FixedClock(ReportWarehouse.Now), english: false);
        var books = new (string Name, byte[] Bytes)[]
        {
            ("annual", AnnualWorkbook.Build(loader.Annual("HNI", "2024"))),
            ("monthly", MonthlyWorkbook.Build(loader.Monthly("HNI", "2024-06"))),
            ("plan 004", PlanScorecardWorkbook.Build(loader.Plan("004", null, "2024"))),
            ("plan 002 for HNI", PlanScorecardWorkbook.Build(loader.Plan("002", "HNI", "2024"))),
        };
        var texts = new List<(string, string)>();
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
        Assert.True(texts.Count > 100, $"only {texts.Count} text cells read");
        Assert.Empty(EnglishInVietnamese.FindAll(texts));
    }

    [Fact]
    public void ChartsInVietnameseHaveNoEnglishSentences()
    {
        var charts = SampleCharts.Kinds.Select(kind => (kind, SampleCharts.Build(kind, ChartLanguage.Vi)))
            .Concat(Analytics.Reports.Conference.ConferencePack.Charts(HandMadeData.Annual(), [HandMadeData.Plan()]).Select(c => (c.Name, c.Chart)));
        var texts = charts.SelectMany(c =>
            System.Xml.Linq.XDocument.Parse(c.Item2.RenderSvg()).Descendants()
                .Where(e => e.Name.LocalName == "text").Select(e => ($"{c.Item1}.svg", e.Value))).ToList();
        Assert.True(texts.Count > 20);
        Assert.Empty(EnglishInVietnamese.FindAll(texts));
    }
}
