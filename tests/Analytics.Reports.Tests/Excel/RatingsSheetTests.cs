using Analytics.Etl.Registry;
using Analytics.Reports.Excel;
using Analytics.Warehouse.Figures;
using Analytics.Warehouse.ReferenceData;
using Analytics.Warehouse.Refresh;
using Analytics.Warehouse.Vocabulary;

namespace Analytics.Reports.Tests.Excel;

/// <summary>
/// The annual workbook's ratings sheet is the engine's rated figure split by category: a real warehouse whose
/// catalog lets grassroots unions send their rating with a quarter or half-year report too, ingested through
/// the real pipeline, the workbook read back.
/// </summary>
public sealed class RatingsSheetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("analytics-ratings-").FullName;
    private readonly Analytics.Warehouse.Warehouse _warehouse;
    private readonly DuckDBConnection _connection;

    public RatingsSheetTests()
    {
        _warehouse = Analytics.Warehouse.Warehouse.Open(Path.Combine(_folder, "w.duckdb"));
        _connection = _warehouse.Connect();
        // The shipped catalog with the rating also allowed in quarter and half-year reports.
        var assembly = typeof(IndicatorCatalog).Assembly;
        using (var stream = assembly.GetManifestResourceStream("Analytics.Warehouse.ReferenceData.indicators.csv")!)
        using (var text = new StreamReader(stream))
        {
            var lines = text.ReadToEnd().Split('\n');
            var rating = Array.FindIndex(lines, l => l.StartsWith("rating,", StringComparison.Ordinal));
            Assert.Contains(",grassroots,,year,", lines[rating], StringComparison.Ordinal);
            lines[rating] = lines[rating].Replace(",grassroots,,year,", ",grassroots,,\"quarter,half,year\",", StringComparison.Ordinal);
            IndicatorCatalog.Parse(string.Join('\n', lines), "indicators.csv").Sync(_connection);
        }
        Analytics.Warehouse.Plans.PlanCatalog.Embedded.Sync(_connection);
        var registry = ReportWarehouse.WriteFile(_folder, "units.csv", """
            unit_code,name,parent_code,level,sector,valid_from,valid_to,successor_code
            TLD,Tổng Liên đoàn Lao động Việt Nam,,0,,2015-01-01,,
            HNI,LĐLĐ Thành phố Hà Nội,TLD,1,,2015-01-01,,
            HNI-D1,LĐLĐ quận Một,HNI,2,,2015-01-01,,
            HNI-D2,LĐLĐ quận Hai,HNI,2,,2015-01-01,,
            A-PUB,CĐCS Trường A,HNI-D1,3,public,2018-01-01,,
            B-PRV,CĐCS Công ty B,HNI-D1,3,private,2018-01-01,,
            C-SOE,CĐCS Tổng công ty C,HNI-D1,3,soe,2018-01-01,2024-06-30,
            C-SOE,CĐCS Tổng công ty C,HNI-D2,3,soe,2024-07-01,,
            """);
        var imported = UnitRegistryImport.Import(_connection, registry);
        Assert.False(imported.Refused, string.Join("\n", imported.Issues.Select(i => i.Format(registry, true))));
        // A-PUB rates itself with the year report, B-PRV with its fourth-quarter report, C-SOE with its
        // first-half report, sent while it was still under HNI-D1 (it moved to HNI-D2 on 1 July).
        ReportWarehouse.IngestCsv(_connection, _folder, "2024.csv", """
            unit_code,period,indicator,value
            A-PUB,2024,rating,xuat_sac
            """, new DateTime(2024, 12, 10, 9, 0, 0));
        ReportWarehouse.IngestCsv(_connection, _folder, "2024-Q4.csv", """
            unit_code,period,indicator,value
            B-PRV,2024-Q4,rating,tot
            """, new DateTime(2024, 12, 10, 9, 0, 0));
        ReportWarehouse.IngestCsv(_connection, _folder, "2024-H1.csv", """
            unit_code,period,indicator,value
            C-SOE,2024-H1,rating,hoan_thanh
            """, new DateTime(2024, 6, 10, 9, 0, 0));
        MetricTables.Refresh(_connection);
    }

    private ReportLoader Loader() => new(_connection, new FixedClock(ReportWarehouse.Now), english: false);

    [Fact]
    public void RatingsSheetCountsEachUnitsLatestRatingInsideTheYearWhereTheEngineRollsItUp()
    {
        var metrics = new Metrics(_connection);
        var batch = Loader();
        batch.PrefetchAnnual(["HNI"], "2024");
        foreach (var loader in new[] { Loader(), batch })
        {
            // By hand, Hà Nội as it was in 2024: one union per sector, xuat_sac, tot and hoan_thanh; two of three good or better.
            var sheet = RatingsSheet(loader, "HNI");
            Assert.Equal(1.0, Cell(sheet, "Hành chính, sự nghiệp", "Hoàn thành xuất sắc"));
            Assert.Equal(1.0, Cell(sheet, Sector.Name("private", Analytics.Warehouse.Vocabulary.Language.Vi), "Hoàn thành tốt"));
            Assert.Equal(1.0, Cell(sheet, Sector.Name("soe", Analytics.Warehouse.Vocabulary.Language.Vi), "Hoàn thành"));
            Assert.Equal(3.0, Cell(sheet, "Tổng cộng", "Tổng số"));
            Assert.Equal(2.0 / 3, Cell(sheet, "Tổng cộng", "Tỷ lệ tốt trở lên"), 9);
            Assert.Equal(metrics.Get("rated", "HNI", "2024", Hierarchy.AsWas).Value, Cell(sheet, "Tổng cộng", "Tổng số"));
            Assert.Equal(metrics.Get("rated_good_plus", "HNI", "2024", Hierarchy.AsWas).Value,
                Cell(sheet, "Tổng cộng", "Hoàn thành xuất sắc") + Cell(sheet, "Tổng cộng", "Hoàn thành tốt"));
        }

        // C-SOE's rating belongs to the date of its report, when it was under HNI-D1: as-was, all three are HNI-D1's.
        var d1 = RatingsSheet(Loader(), "HNI-D1");
        Assert.Equal(3.0, Cell(d1, "Tổng cộng", "Tổng số"));
        Assert.Equal(metrics.Get("rated", "HNI-D1", "2024", Hierarchy.AsWas).Value, Cell(d1, "Tổng cộng", "Tổng số"));
        Assert.Equal(metrics.Get("rated_good_plus", "HNI-D1", "2024", Hierarchy.AsWas).Value,
            Cell(d1, "Tổng cộng", "Hoàn thành xuất sắc") + Cell(d1, "Tổng cộng", "Hoàn thành tốt"));
        var d2 = RatingsSheet(Loader(), "HNI-D2");
        Assert.Equal(0.0, Cell(d2, "Tổng cộng", "Tổng số"));
        Assert.Equal(metrics.Get("rated", "HNI-D2", "2024", Hierarchy.AsWas).Value ?? 0, Cell(d2, "Tổng cộng", "Tổng số"));
    }

    [Fact]
    public void EngineRatingsAddUpToRatedAndRatedGoodPlusInBothHierarchies()
    {
        var metrics = new Metrics(_connection);
        string[] units = ["HNI", "HNI-D1", "HNI-D2", "C-SOE"];
        foreach (var hierarchy in new[] { Hierarchy.AsWas, Hierarchy.AsIs })
        {
            var ratings = metrics.Ratings(units, 2024, hierarchy);
            foreach (var unit in units)
            {
                Assert.Equal(metrics.Get("rated", unit, "2024", hierarchy).Value ?? 0, ratings[unit].Sum(r => r.Units));
                Assert.Equal(metrics.Get("rated_good_plus", unit, "2024", hierarchy).Value ?? 0,
                    ratings[unit].Where(r => r.Category is "xuat_sac" or "tot").Sum(r => r.Units));
            }
        }
        // As-is, C-SOE is placed under HNI-D2, where it is today.
        Assert.Equal([new RatingCount("soe", "hoan_thanh", 1)], metrics.Ratings(["HNI-D2"], 2024, Hierarchy.AsIs)["HNI-D2"]);
    }

    /// <summary>The ratings sheet of the unit's 2024 annual workbook, written and read back: (row label, column header) -> value.</summary>
    private static Dictionary<(string Row, string Column), double> RatingsSheet(ReportLoader loader, string unit)
    {
        using var reader = new WorkbookReader(AnnualWorkbook.Build(loader.Annual(unit, "2024")));
        var sheet = reader.Sheet("Xếp loại theo khu vực");
        var header = WorkbookReader.FindRow(sheet, 1, "Khu vực");
        Assert.True(header > 0, "no header row");
        var cells = new Dictionary<(string, string), double>();
        for (var r = header + 1; r <= sheet.Dimension.End.Row; r++)
        {
            if (sheet.Cells[r, 1].Value is not string label) continue;
            for (var c = 2; c <= sheet.Dimension.End.Column; c++)
            {
                if (sheet.Cells[header, c].Value is string column)
                    cells[(label, column)] = Convert.ToDouble(sheet.Cells[r, c].Value ?? 0.0, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return cells;
    }

    // An empty cell reads as 0: the sheet leaves no count blank, only the share of a row without ratings.
    private static double Cell(Dictionary<(string Row, string Column), double> sheet, string row, string column)
    {
        Assert.True(sheet.TryGetValue((row, column), out var value), $"no cell ({row}, {column})");
        return value;
    }

    public void Dispose()
    {
        _connection.Dispose();
        _warehouse.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
