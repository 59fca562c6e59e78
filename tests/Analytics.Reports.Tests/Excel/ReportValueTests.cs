using Analytics.Warehouse.Vocabulary;
using Analytics.Reports.Excel;
using Analytics.Warehouse.Figures;
using Analytics.Warehouse.Attainment;

namespace Analytics.Reports.Tests.Excel;

/// <summary>Workbooks built from a real warehouse, read back and compared with the warehouse's own figures and with sums worked by hand.</summary>
public sealed class ReportValueTests(ReportWarehouse w) : IClassFixture<ReportWarehouse>
{
    private ReportLoader Loader(bool english = false) => new(w.Connection, new FixedClock(ReportWarehouse.Now), english);

    private static void Keep(string name, byte[] bytes) =>
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory("/tmp/reports-look").FullName, name), bytes);

    [Fact]
    public void AnnualReportOfAProvinceReadInABatchIsTheSameWorkbookAsReadAlone()
    {
        var provinces = new List<string>();
        using (var reader = w.Connection.Query("SELECT DISTINCT unit_code FROM dim_unit WHERE level = 1 ORDER BY 1"))
            while (reader.Read()) provinces.Add(reader.GetString(0));
        var batch = Loader();
        batch.PrefetchAnnual(provinces, "2024");

        var alone = AnnualWorkbook.Build(Loader().Annual("HNI", "2024"));

        Assert.Contains("HNI", provinces);
        Assert.Equal(alone, AnnualWorkbook.Build(batch.Annual("HNI", "2024")));
    }

    [Fact]
    public void AnnualWorkbookValuesEqualTheMetricsFiguresForEveryIndicatorAndUnit()
    {
        var data = Loader().Annual("HNI", "2024");
        var bytes = AnnualWorkbook.Build(data);
        Keep("warehouse-annual-vi.xlsx", bytes);
        WorkbookValidator.AssertValid(bytes);
        using var reader = new WorkbookReader(bytes);
        var sheet = reader.Sheet("Số liệu năm");
        var metrics = new Metrics(w.Connection);
        var checkedCells = 0;
        foreach (var indicator in data.Indicators)
        {
            var row = WorkbookReader.FindRow(sheet, 1, indicator.Code);
            Assert.True(row > 0, indicator.Code);
            var children = metrics.ForChildren(indicator.Code, "HNI", "2024", Hierarchy.AsWas).ToDictionary(v => v.UnitCode, v => v.Value);
            for (var c = 0; c < data.Children.Count; c++)
            {
                var expected = children.GetValueOrDefault(data.Children[c].UnitCode);
                var cell = sheet.Cells[row, 4 + c].Value;
                if (expected is null) Assert.Null(cell);
                else Assert.Equal(expected.Value, (double)cell, 9);
                checkedCells++;
            }
            var total = metrics.Get(indicator.Code, "HNI", "2024", Hierarchy.AsWas).Value;
            var totalCell = sheet.Cells[row, 4 + data.Children.Count].Value;
            if (total is null) Assert.Null(totalCell);
            else Assert.Equal(total.Value, (double)totalCell, 9);
        }
        Assert.True(checkedCells >= 10, $"only {checkedCells} cells compared");

        // By hand: members at 2024 year end (t = 8) and new members over 2024 (t = 5..8), Gia Lâm's two unions.
        var members = WorkbookReader.FindRow(sheet, 1, "members");
        var glm = WorkbookReader.FindColumn(sheet, 4, "LĐLĐ huyện Gia Lâm");
        Assert.Equal(1000 + 80 + 2000 + 80, (double)sheet.Cells[members, glm].Value);
        var admitted = WorkbookReader.FindRow(sheet, 1, "members_admitted");
        Assert.Equal((10 * 4) + 26 + (20 * 4) + 26, (double)sheet.Cells[admitted, glm].Value);
        Assert.Equal(ExcelFormats.Count, sheet.Cells[members, glm].Style.Numberformat.Format);
        var rate = WorkbookReader.FindRow(sheet, 1, "membership_rate");
        Assert.Equal((1080.0 + 2080 + 580) / (1200 + 2200 + 700), (double)sheet.Cells[rate, 4 + data.Children.Count].Value, 9);
        Assert.Equal(ExcelFormats.Percent, sheet.Cells[rate, 4].Style.Numberformat.Format);
    }

    [Fact]
    public void AnnualRatingsBySectorCountTheGrassrootsRatings()
    {
        using var reader = new WorkbookReader(AnnualWorkbook.Build(Loader().Annual("HNI", "2024")));
        var sheet = reader.Sheet("Xếp loại theo khu vực");
        var header = WorkbookReader.FindRow(sheet, 1, "Khu vực");
        var publicRow = WorkbookReader.FindRow(sheet, 1, "Hành chính, sự nghiệp");
        Assert.Equal(1.0, sheet.Cells[publicRow, WorkbookReader.FindColumn(sheet, header, "Hoàn thành xuất sắc")].Value);
        var total = WorkbookReader.FindRow(sheet, 1, "Tổng cộng");
        Assert.Equal(3.0, sheet.Cells[total, WorkbookReader.FindColumn(sheet, header, "Tổng số")].Value);
        Assert.Equal(2.0 / 3, (double)sheet.Cells[total, WorkbookReader.FindColumn(sheet, header, "Tỷ lệ tốt trở lên")].Value, 9);
        var chart = Assert.Single(reader.Charts(), c => c.Title.StartsWith("Xếp loại CĐCS", StringComparison.Ordinal));
        Assert.Equal(4, chart.Series.Count);
        Assert.Equal($"'Xếp loại theo khu vực'!$B${header + 1}:$B${total - 1}", chart.Series[0].Values);
        Assert.Equal($"'Xếp loại theo khu vực'!$A${header + 1}:$A${total - 1}", chart.Series[0].Categories);
    }

    [Fact]
    public void MonthlyWorkbookShowsYearToDateAgainstLastYearAsTheWarehouseHasThem()
    {
        var data = Loader().Monthly("HNI", "2024-06");
        var bytes = MonthlyWorkbook.Build(data);
        Keep("warehouse-monthly-vi.xlsx", bytes);
        WorkbookValidator.AssertValid(bytes);
        using var reader = new WorkbookReader(bytes);
        var sheet = reader.Sheet("Chỉ tiêu chủ yếu");
        var metrics = new Metrics(w.Connection);
        var name = "Đoàn viên kết nạp mới";
        var row = WorkbookReader.FindRow(sheet, 1, "HNI-GLM", 3, name);
        Assert.Equal(metrics.Get("members_admitted", "HNI-GLM", "2024-H1", Hierarchy.AsWas).Value, (double?)sheet.Cells[row, 6].Value);
        Assert.Equal(metrics.Get("members_admitted", "HNI-GLM", "2023-H1", Hierarchy.AsWas).Value, (double?)sheet.Cells[row, 7].Value);
        // By hand: t = 5, 6 in 2024 and 1, 2 in 2023, for units with base 1000 and 2000.
        Assert.Equal(10 + 5 + 10 + 6 + 20 + 5 + 20 + 6, (double)sheet.Cells[row, 6].Value);
        Assert.Equal(10 + 1 + 10 + 2 + 20 + 1 + 20 + 2, (double)sheet.Cells[row, 7].Value);
        Assert.Equal((82.0 / 66) - 1, (double)sheet.Cells[row, 8].Value, 9);
        // Monthly figure: unions founded in June 2024 under Gia Lâm.
        var founded = WorkbookReader.FindRow(sheet, 1, "HNI-GLM", 3, "Công đoàn cơ sở thành lập mới");
        Assert.Equal(ReportWarehouse.Founded(2024, 6), (double)sheet.Cells[founded, 5].Value);
        // Members are reported quarterly: no figure for the month, an empty cell rather than a zero.
        Assert.Null(sheet.Cells[WorkbookReader.FindRow(sheet, 1, "HNI-GLM", 3, "Đoàn viên công đoàn"), 5].Value);

        var completeness = reader.Sheet("Tình hình báo cáo");
        Assert.True(WorkbookReader.FindRow(completeness, 1, "EVL-LAT") > 0, "the unit that never reports is listed as missing");
        Assert.Equal("chưa nộp", completeness.Cells[WorkbookReader.FindRow(completeness, 1, "EVL-LAT"), 4].Value);

        var trend = reader.Sheet("Xu hướng");
        var charts = reader.Charts();
        var membersChart = Assert.Single(charts, c => c.Title.StartsWith("Đoàn viên công đoàn", StringComparison.Ordinal));
        var column = WorkbookReader.FindColumn(trend, 4, "Đoàn viên công đoàn (người)");
        var letter = OfficeOpenXml.ExcelCellBase.GetAddress(1, column)[..^1];
        Assert.Equal($"'Xu hướng'!${letter}$5:${letter}$10", membersChart.Series[0].Values);
        Assert.Equal("'Xu hướng'!$A$5:$A$10", membersChart.Series[0].Categories);
        // Eight quarters back from 2024-Q2, but the warehouse starts in 2023: six rows, 2023-Q1 first.
        Assert.Equal("Quý I/2023", trend.Cells["A5"].Value);
        Assert.Equal("Quý I/2024", trend.Cells["A9"].Value);
        Assert.Equal(ReportWarehouse.Value("GLM-PUB", 2024, 1, "members") + ReportWarehouse.Value("GLM-PRV", 2024, 1, "members") + ReportWarehouse.Value("EVL-SOE", 2024, 1, "members"),
            (double)trend.Cells[9, column].Value);
    }

    [Fact]
    public void PlanScorecardShowsTheAttainmentOfEveryTargetWithColouredStatus()
    {
        var data = Loader().Plan("004", null, "2024");
        var bytes = PlanScorecardWorkbook.Build(data);
        Keep("warehouse-plan-vi.xlsx", bytes);
        WorkbookValidator.AssertValid(bytes);
        var expected = new Attainment(w.Connection).Evaluate("004", "HNI-GLM", new DateOnly(2024, 12, 31), Hierarchy.AsIs);
        using var reader = new WorkbookReader(bytes);
        var sheet = reader.Sheet("Chỉ tiêu");
        Assert.Equal(expected.Count, data.Targets.Count);
        foreach (var target in expected)
        {
            var row = WorkbookReader.FindRow(sheet, 1, target.TargetId);
            Assert.True(row > 0, target.TargetId);
            Assert.Equal(target.Actual, (double?)sheet.Cells[row, 5].Value);
            Assert.Equal(target.Ratio, (double?)sheet.Cells[row, 8].Value);
            Assert.Equal(target.ExplanationVi, sheet.Cells[row, 10].Value as string ?? "");
        }
        var admitted = expected.First(t => t.Indicator == "members_admitted" && t.PeriodCode == "2024");
        Assert.Equal(ReportWarehouse.Reporters.Where(r => r.Parent == "HNI-GLM").Sum(r => Enumerable.Range(1, 4).Sum(q => ReportWarehouse.Value(r.Code, 2024, q, "members_admitted"))), admitted.Actual);
        Assert.Equal(4, sheet.ConditionalFormatting.Count);
        Assert.Contains(sheet.ConditionalFormatting, c => c.Address.Address.StartsWith("I5:", StringComparison.Ordinal));
        Assert.NotEmpty(reader.Charts());
    }

    [Fact]
    public void AScheduledScorecardIsWrittenOnlyWhenThePlanHasTargetsForTheYearAndData()
    {
        var folder = Directory.CreateTempSubdirectory("analytics-scheduled-plans-").FullName;
        try
        {
            var publisher = new ReportPublisher(w.Connection, new FixedClock(ReportWarehouse.Now), false);

            // 004 (Gia Lâm, 2021-2045) has targets for 2024 and the warehouse holds Gia Lâm's 2024 figures.
            Assert.NotNull(publisher.ScheduledPlan("004", null, "2024", folder));
            // 003 sets no targets; 001 covers 2021 only: nothing to say for 2024, no file. (Their issuers are not in
            // this registry, so both are scored for Gia Lâm.)
            Assert.Null(publisher.ScheduledPlan("003", "HNI-GLM", "2024", folder));
            Assert.Null(publisher.ScheduledPlan("001", "HNI-GLM", "2024", folder));
            Assert.Equal(["chi-tieu-ke-hoach-004-HNI-GLM-2024.xlsx"], Directory.GetFiles(folder).Select(Path.GetFileName));

            // Asked for anyway (the command line), each is written and its cover says what is missing.
            string Missing(string planId)
            {
                using var reader = new WorkbookReader(File.ReadAllBytes(publisher.Plan(planId, "HNI-GLM", "2024", folder)));
                var cover = reader.Package.Workbook.Worksheets.First();
                var row = WorkbookReader.FindRow(cover, 1, "Còn thiếu");
                return row > 0 ? cover.Cells[row, 2].Text : "";
            }
            Assert.Equal("Kế hoạch không đặt chỉ tiêu nào: không có gì để đánh giá.", Missing("003"));
            Assert.StartsWith("Kế hoạch không có chỉ tiêu cho kỳ 2024 (thời hạn 2021)", Missing("001"), StringComparison.Ordinal);
            Assert.Equal("", Missing("004"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ScheduledUnitReportsAreWrittenOnlyWhenSomethingWasReportedAndACommandLineOneSaysWhatIsMissing()
    {
        var folder = Directory.CreateTempSubdirectory("analytics-scheduled-reports-").FullName;
        try
        {
            var publisher = new ReportPublisher(w.Connection, new FixedClock(ReportWarehouse.Now), false);

            // The warehouse holds 2023 and 2024: nothing for 2022 or May 2022, so the jobs write no workbook.
            Assert.Null(publisher.ScheduledAnnual("HNI", "2022", folder));
            Assert.Null(publisher.ScheduledMonthly("HNI", "2022-05", folder));
            Assert.NotNull(publisher.ScheduledAnnual("HNI", "2024", folder));
            Assert.NotNull(publisher.ScheduledMonthly("HNI", "2024-05", folder));
            Assert.Equal(["bao-cao-nam-HNI-2024.xlsx", "bao-cao-thang-HNI-2024-05.xlsx"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());

            string Missing(string path)
            {
                using var reader = new WorkbookReader(File.ReadAllBytes(path));
                var cover = reader.Package.Workbook.Worksheets.First();
                var row = WorkbookReader.FindRow(cover, 1, "Còn thiếu");
                return row > 0 ? cover.Cells[row, 2].Text : "";
            }
            Assert.Equal("Chưa có báo cáo nào được chấp nhận trong phạm vi đơn vị cho kỳ 2022: các bảng trống.", Missing(publisher.Annual("HNI", "2022", folder)));
            Assert.Equal("", Missing(publisher.Annual("HNI", "2024", folder)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // EVL-LAT, active all of 2024, never reports: Hà Nội's 2024 members are the total of 3 of its 4 grassroots
    // unions, and the annual workbook's cover says so with the share; it has no older report to carry forward.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AStockTotalThatLeavesOutUnitsThatDidNotReportIsFlaggedOnTheCover(bool english)
    {
        var members = new Metrics(w.Connection).CarryForward("members", "HNI", "2024", Hierarchy.AsWas);
        Assert.Equal((3, 4, 0), (members.ReportingUnits, members.ActiveGrassroots, members.CarriedUnits));
        var total = members.Reported!.Value;

        using var reader = new WorkbookReader(AnnualWorkbook.Build(Loader(english).Annual("HNI", "2024")));
        var cover = reader.Package.Workbook.Worksheets.First();
        var label = english ? "Stock totals" : "Lưu ý số liệu thời điểm";
        var row = WorkbookReader.FindRow(cover, 1, label);
        Assert.True(row > 0, "no stock note on the cover");
        var expected = english
            ? $"Union members, Year 2024: {total.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)} covers the 3 of 4 grassroots unions that reported (75.0\u00A0%); 1 did not report and count nothing."
            : $"Đoàn viên công đoàn, Năm 2024: {total.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture).Replace(',', '.')} là tổng của 3/4 CĐCS đã báo cáo (75,0\u00A0%); 1 CĐCS chưa báo cáo không được tính.";
        Assert.Equal(expected, cover.Cells[row, 2].Value);
        Assert.Contains(english ? "," : ".", (string)cover.Cells[row, 2].Value); // thousands separated the reader's way
    }

    [Fact]
    public void EnglishWorkbooksFromTheWarehouseValidateAndSpeakEnglish()
    {
        foreach (var bytes in new[] { AnnualWorkbook.Build(Loader(true).Annual("HNI", "2024")), MonthlyWorkbook.Build(Loader(true).Monthly("HNI", "2024-05")), PlanScorecardWorkbook.Build(Loader(true).Plan("004", null, "2024")) })
        {
            WorkbookValidator.AssertValid(bytes);
            using var reader = new WorkbookReader(bytes);
            Assert.Equal("Cover", reader.Package.Workbook.Worksheets.First().Name);
        }
    }

    [Fact]
    public void AUnitNamedLikeAFormulaInTheRegistryIsNeutralisedInEveryWorkbook()
    {
        foreach (var bytes in new[] { AnnualWorkbook.Build(Loader().Annual("HNI", "2024")), MonthlyWorkbook.Build(Loader().Monthly("HNI", "2024-06")) })
        {
            using var reader = new WorkbookReader(bytes);
            var hits = 0;
            foreach (var sheet in reader.Package.Workbook.Worksheets)
            {
                if (sheet.Dimension is null) continue;
                foreach (var cell in sheet.Cells[sheet.Dimension.Address])
                {
                    Assert.True(string.IsNullOrEmpty(cell.Formula), $"{sheet.Name}!{cell.Address}");
                    if (cell.Value is string s && s.Contains("HYPERLINK", StringComparison.Ordinal))
                    {
                        Assert.Equal("'" + ReportWarehouse.EvilName, s);
                        hits++;
                    }
                }
            }
            Assert.True(hits > 0);
        }
    }

    [Fact]
    public void TheSameWarehouseAndClockGiveTheSameWorkbookBytes()
    {
        Assert.Equal(AnnualWorkbook.Build(Loader().Annual("HNI", "2024")), AnnualWorkbook.Build(Loader().Annual("HNI", "2024")));
    }
}
