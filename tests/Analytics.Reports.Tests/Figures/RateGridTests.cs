using Analytics.Warehouse.Refresh;
using Analytics.Warehouse.Vocabulary;
using System.Globalization;
using System.Text;
using Analytics.Warehouse.ReferenceData;
using Analytics.Etl.Registry;
using Analytics.Reports.Tests.Excel;
using Analytics.Warehouse.Figures;

namespace Analytics.Reports.Tests.Figures;

/// <summary>
/// One definition, one engine: every rate of the catalog, over a grid of units, years and both
/// hierarchies, must come out the same from the metrics API (what `analytics metric` prints), from the
/// analyst view v_rollup_rate, and from the annual workbook's cells (written and read back), or be empty
/// in all three. The hand-made warehouse has a grassroots union that reports workers but no
/// members in 2024: its membership rate is empty, not 0.
/// </summary>
public sealed class RateGridTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("analytics-rates-").FullName;
    private readonly Analytics.Warehouse.Warehouse _warehouse;
    private readonly DuckDB.NET.Data.DuckDBConnection _connection;

    // HNI ── HNI-GLM ─┬─ G-A (private)
    //                 ├─ G-B (private; workers only in 2024)
    //                 └─ G-C (soe; closed 2024-06-30, merged into G-A)
    public RateGridTests()
    {
        _warehouse = Analytics.Warehouse.Warehouse.Open(Path.Combine(_folder, "w.duckdb"));
        _connection = _warehouse.Connect();
        IndicatorCatalog.Default.Sync(_connection);
        Analytics.Warehouse.Plans.PlanCatalog.Embedded.Sync(_connection);
        var registry = Write("units.csv", """
            unit_code,name,parent_code,level,sector,valid_from,valid_to,successor_code
            TLD,Tổng Liên đoàn Lao động Việt Nam,,0,,2015-01-01,,
            HNI,LĐLĐ Thành phố Hà Nội,TLD,1,,2015-01-01,,
            HNI-GLM,LĐLĐ huyện Gia Lâm,HNI,2,,2015-01-01,,
            G-A,CĐCS Công ty TNHH Sông Hồng,HNI-GLM,3,private,2018-01-01,,
            G-B,CĐCS Công ty May Đức Giang,HNI-GLM,3,private,2018-01-01,,
            G-C,CĐCS Tổng công ty Đường sắt,HNI-GLM,3,soe,2018-01-01,2024-06-30,G-A
            """);
        var imported = UnitRegistryImport.Import(_connection, registry);
        Assert.False(imported.Refused, string.Join("\n", imported.Issues.Select(i => i.Format(registry, true))));

        foreach (var year in new[] { 2023, 2024 })
        {
            for (var q = 1; q <= 4; q++)
            {
                var csv = new StringBuilder("unit_code,period,indicator,value\n");
                void Row(string unit, string indicator, double value) =>
                    csv.Append(CultureInfo.InvariantCulture, $"{unit},{year}-Q{q},{indicator},{value}\n");
                Row("G-A", "workers", 400);
                Row("G-A", "members", 300 + (10 * q));
                Row("G-A", "finance_collected", 1000 * q);
                Row("G-A", "finance_budget", 1500);
                Row("G-A", "cba_signed", 1);
                Row("G-A", "cba_favorable", q % 2);
                Row("G-A", "party_introduced", 1);
                Row("G-B", "workers", 100);
                if (year == 2023) Row("G-B", "members", 40);
                if (year == 2023 || q <= 2)
                {
                    Row("G-C", "workers", 200);
                    Row("G-C", "members", 150);
                    Row("G-C", "cba_signed", 0);
                }
                Ingest($"{year}-Q{q}.csv", csv.ToString(), new DateTime(year, q * 3, 10, 9, 0, 0));
            }
        }
        MetricTables.Refresh(_connection);
    }

    public static TheoryData<string> Hierarchies => new() { "as-was", "as-is" };

    [Fact]
    public void AUnitThatReportedWorkersButNoMembersHasNoMembershipRateAnywhere()
    {
        var metric = new Metrics(_connection).Get("membership_rate", "G-B", "2024", Hierarchy.AsWas);
        Assert.Null(metric.Value);
        Assert.Null(metric.Numerator);
        Assert.Equal(100, metric.Denominator); // workers are a stock: the last quarter's 100

        var view = ViewRates()[("as-was", "G-B", 2024, "membership_rate")];
        Assert.Null(view.Value);
        Assert.Null(view.Numerator);

        var annual = new ReportLoader(_connection, TimeProvider.System, english: false).Annual("HNI-GLM", "2024");
        Assert.DoesNotContain(annual.Values, v => v.UnitCode == "G-B" && v.IndicatorCode == "membership_rate");
    }

    [Fact]
    public void EveryRateAgreesBetweenTheMetricsApiTheViewAndTheAnnualReport()
    {
        var metrics = new Metrics(_connection);
        var rates = metrics.Definitions.Rates.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(IndicatorCatalog.Default.Entries.Where(e => e.IsRate).Select(e => e.Code).Order(StringComparer.Ordinal), rates);
        var view = ViewRates();
        var loader = new ReportLoader(_connection, TimeProvider.System, english: false);
        var checkedCells = 0;
        var disagreements = new List<string>();
        foreach (var (unit, children) in new[] { ("HNI", new[] { "HNI-GLM" }), ("HNI-GLM", new[] { "G-A", "G-B", "G-C" }) })
        {
            foreach (var year in new[] { 2023, 2024 })
            {
                var annual = loader.Annual(unit, year.ToString(CultureInfo.InvariantCulture));
                using var workbook = new WorkbookReader(Analytics.Reports.Excel.AnnualWorkbook.Build(annual));
                var yearSheet = workbook.Sheet("Số liệu năm");
                var trendSheet = workbook.Sheet("Xu hướng nhiệm kỳ");
                var yearLabel = annual.Trend.First(t => t.PeriodCode == year.ToString(CultureInfo.InvariantCulture)).PeriodLabel;
                var trendColumn = WorkbookReader.FindColumn(trendSheet, WorkbookReader.FindRow(trendSheet, 1, "Mã chỉ tiêu"), yearLabel);
                Assert.True(trendColumn > 0, $"no column {yearLabel} in the trend sheet of {unit}");
                foreach (var code in rates)
                {
                    // As-was: the unit and each child, as the workbook's by-unit table shows them.
                    foreach (var u in children.Append(unit))
                    {
                        var api = metrics.Get(code, u, year.ToString(CultureInfo.InvariantCulture), Hierarchy.AsWas).Value;
                        var row = view.TryGetValue(("as-was", u, year, code), out var r) ? r.Value : null;
                        // The unit's own column is the last one, after its children's.
                        var column = u == unit ? 4 + annual.Children.Count : 4 + annual.Children.ToList().FindIndex(c => c.UnitCode == u);
                        var cell = column < 4 ? null : Cell(yearSheet, code, column);
                        Compare($"as-was {code} {u} {year}", api, row, cell);
                    }
                    // As-is: the unit's trend over the term, as the workbook's trend sheet shows it.
                    var apiIs = metrics.Get(code, unit, year.ToString(CultureInfo.InvariantCulture), Hierarchy.AsIs).Value;
                    var rowIs = view.TryGetValue(("as-is", unit, year, code), out var ri) ? ri.Value : null;
                    var trend = Cell(trendSheet, code, trendColumn);
                    Compare($"as-is {code} {unit} {year}", apiIs, rowIs, trend);
                }
            }
        }
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements));
        Assert.True(checkedCells > 20, $"only {checkedCells} figures had a value: the grid does not exercise the rates");

        void Compare(string where, double? api, double? row, double? cell)
        {
            if (api is null && row is null && cell is null) return;
            if (api is null || row is null || cell is null || Math.Abs(api.Value - row.Value) > 1e-9 || Math.Abs(api.Value - cell.Value) > 1e-9)
                disagreements.Add($"{where}: metric {api?.ToString(CultureInfo.InvariantCulture) ?? "empty"}, view {row?.ToString(CultureInfo.InvariantCulture) ?? "empty"}, report {cell?.ToString(CultureInfo.InvariantCulture) ?? "empty"}");
            else checkedCells++;
        }
    }

    /// <summary>The number in the indicator's row (column 1 holds the code), or null when the row or the value is missing.</summary>
    private static double? Cell(OfficeOpenXml.ExcelWorksheet sheet, string code, int column)
    {
        var row = WorkbookReader.FindRow(sheet, 1, code);
        return row > 0 && sheet.Cells[row, column].Value is { } value ? Convert.ToDouble(value, CultureInfo.InvariantCulture) : null;
    }

    private Dictionary<(string Hierarchy, string Unit, int Year, string Code), (double? Numerator, double? Value)> ViewRates()
    {
        var rows = new Dictionary<(string, string, int, string), (double?, double?)>();
        using var reader = _connection.Query("""
            SELECT hierarchy, unit_code, CAST(period_code AS INTEGER), indicator_code, numerator, value
            FROM v_rollup_rate WHERE period_code SIMILAR TO '[0-9]{4}'
            """);
        while (reader.Read())
            rows[(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3))] =
                (reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetDouble(5));
        return rows;
    }

    private string Write(string name, string text) => ReportWarehouse.WriteFile(_folder, name, text);

    private void Ingest(string name, string csv, DateTime receivedAt) => ReportWarehouse.IngestCsv(_connection, _folder, name, csv, receivedAt);

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
