using Analytics.Reports.Excel;

namespace Analytics.Reports.Tests.Excel;

public sealed class WorkbookLayoutTests
{
    public static TheoryData<string, bool> Kinds => new() { { "monthly", false }, { "annual", false }, { "plan", false }, { "monthly", true }, { "annual", true }, { "plan", true } };

    private static byte[] Build(string kind, bool english) => kind switch
    {
        "monthly" => MonthlyWorkbook.Build(HandMadeData.Monthly(english)),
        "annual" => AnnualWorkbook.Build(HandMadeData.Annual(english)),
        _ => PlanScorecardWorkbook.Build(HandMadeData.Plan(english)),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryWorkbookKindPassesTheOpenXmlValidatorWithZeroErrors(string kind, bool english)
    {
        var bytes = Build(kind, english);
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory("/tmp/reports-look").FullName, $"layout-{kind}-{(english ? "en" : "vi")}.xlsx"), bytes);
        WorkbookValidator.AssertValid(bytes);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TheSameDataGivesTheSameWorkbookBytes(string kind, bool english)
    {
        Assert.Equal(Build(kind, english), Build(kind, english));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void SubmittedTextThatLooksLikeAFormulaIsStoredAsQuotedTextNeverAsAFormula(string kind, bool english)
    {
        using var reader = new WorkbookReader(Build(kind, english));
        var found = 0;
        foreach (var sheet in reader.Package.Workbook.Worksheets)
        {
            if (sheet.Dimension is null) continue;
            foreach (var cell in sheet.Cells[sheet.Dimension.Address])
            {
                Assert.True(string.IsNullOrEmpty(cell.Formula), $"{sheet.Name}!{cell.Address} has a formula: {cell.Formula}");
                if (cell.Value is string text && text.Contains("HYPERLINK", StringComparison.Ordinal))
                {
                    Assert.Equal("'" + HandMadeData.Evil, text);
                    found++;
                }
            }
        }
        Assert.True(found > 0, "the injected name should appear in the workbook");
    }

    [Fact]
    public void EveryVietnameseWorkbookHasACoverNamingUnitPeriodAndData()
    {
        using var reader = new WorkbookReader(Build("annual", false));
        var cover = reader.Sheet("Bìa");
        Assert.Equal("Bìa", reader.Package.Workbook.Worksheets.First().Name);
        Assert.Equal("LĐLĐ Thành phố Hà Nội (HNI)", cover.Cells[WorkbookReader.FindRow(cover, 1, "Đơn vị"), 2].Value);
        Assert.Equal("Năm 2024", cover.Cells[WorkbookReader.FindRow(cover, 1, "Kỳ báo cáo"), 2].Value);
        Assert.Equal(42.0, cover.Cells[WorkbookReader.FindRow(cover, 1, "Số báo cáo được sử dụng"), 2].Value);
        var share = cover.Cells[WorkbookReader.FindRow(cover, 1, "Tỷ lệ đã báo cáo"), 2];
        Assert.Equal(0.9, (double)share.Value, 9);
        Assert.Equal("0.0%", share.Style.Numberformat.Format);
        // Generated 03:00 UTC = 10:00 Vietnam time, stored as a date serial.
        Assert.Equal(new DateTime(2025, 1, 20, 10, 0, 0), DateTime.FromOADate((double)cover.Cells[WorkbookReader.FindRow(cover, 1, "Thời điểm lập"), 2].Value));
    }

    [Fact]
    public void TablesHaveFrozenHeadersFiltersAndA4LandscapePrintSetUp()
    {
        using var reader = new WorkbookReader(Build("annual", true));
        var sheet = reader.Sheet("Year figures");
        Assert.Equal(OfficeOpenXml.ePaperSize.A4, sheet.PrinterSettings.PaperSize);
        Assert.Equal(OfficeOpenXml.eOrientation.Landscape, sheet.PrinterSettings.Orientation);
        Assert.True(sheet.PrinterSettings.FitToPage);
        Assert.Equal(1, sheet.PrinterSettings.FitToWidth);
        Assert.Equal("'Year figures'!$1:$4", sheet.PrinterSettings.RepeatRows.Address);
        Assert.True(sheet.AutoFilterAddress is not null);
        Assert.Equal("A4:F7", sheet.AutoFilterAddress.Address);
        var pane = sheet.WorksheetXml.GetElementsByTagName("pane")[0]!;
        Assert.Equal("frozen", pane.Attributes!["state"]!.Value);
        Assert.Equal("4", pane.Attributes["ySplit"]!.Value);
        Assert.Equal("3", pane.Attributes["xSplit"]!.Value);
    }

    [Fact]
    public void AnnualChartsReadTheirSeriesFromTheTableColumns()
    {
        using var reader = new WorkbookReader(Build("annual", true));
        var charts = reader.Charts();
        var ranking = Assert.Single(charts, c => c.Title.StartsWith("Membership", StringComparison.Ordinal) || c.Title.StartsWith("Tỷ lệ", StringComparison.Ordinal) && c.Title.Contains("2024", StringComparison.Ordinal));
        var series = Assert.Single(ranking.Series);
        var sheet = reader.Sheet("Rankings");
        Assert.Equal("'Rankings'!$D$6:$D$7", series.Values);
        Assert.Equal("'Rankings'!$C$6:$C$7", series.Categories);
        Assert.Equal(0.9, (double)sheet.Cells["D6"].Value, 9);
        var ratings = Assert.Single(charts, c => c.Title.StartsWith("Grassroots ratings", StringComparison.Ordinal));
        Assert.Equal(4, ratings.Series.Count);
        Assert.Equal("'Ratings by sector'!$B$5:$B$6", ratings.Series[0].Values);
        Assert.Equal("'Ratings by sector'!$B$4", ratings.Series[0].Name);
    }
}
