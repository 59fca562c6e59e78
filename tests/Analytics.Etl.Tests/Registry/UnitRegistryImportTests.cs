using Analytics.Etl.Registry;

namespace Analytics.Etl.Tests.Registry;

public sealed class UnitRegistryImportTests : IDisposable
{
    private const string Header = "unit_code,name,parent_code,level,sector,valid_from,valid_to,successor_code\n";

    private const string Base = Header + """
        TLD,Tổng Liên đoàn Lao động Việt Nam,,0,,2015-01-01,,
        THA,LĐLĐ tỉnh Thanh Hóa,TLD,1,,2015-01-01,,
        THA-01,LĐLĐ huyện Hoằng Hóa,THA,2,,2015-01-01,2025-06-30,THA
        THA-01-0001,CĐCS Công ty May Hoằng Hóa,THA-01,3,private,2016-03-01,2025-06-30,
        THA-01-0001,CĐCS Công ty May Hoằng Hóa,THA,3,private,2025-07-01,,
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("analytics-registry-").FullName;
    private readonly Analytics.Warehouse.Warehouse _warehouse;
    private readonly DuckDBConnection _connection;

    public UnitRegistryImportTests()
    {
        _warehouse = Analytics.Warehouse.Warehouse.Open(Path.Combine(_folder, "w.duckdb"));
        _connection = _warehouse.Connect();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _warehouse.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private UnitRegistryImport.Result Import(string text, string name = "units.csv")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return UnitRegistryImport.Import(_connection, path);
    }

    private long Rows => _connection.Scalar<long>("SELECT count(*) FROM dim_unit");

    [Fact]
    public void ImportLoadsEveryWindowAndReimportChangesNothing()
    {
        var first = Import(Base);
        Assert.False(first.Refused);
        Assert.Equal(5, first.Added);
        Assert.Equal(5, Rows);
        // A move is a second window with the same durable unit_id.
        Assert.Equal(1, _connection.Scalar<long>("SELECT count(DISTINCT unit_id) FROM dim_unit WHERE unit_code = 'THA-01-0001'"));
        var second = Import(Base);
        Assert.Equal((0, 0, 5), (second.Added, second.Changed, second.Unchanged));
        Assert.Equal(5, Rows);
    }

    [Fact]
    public void ClosingAUnitLaterUpdatesItsWindowAndKeepsItsId()
    {
        Import(Base);
        var id = _connection.Scalar<int>("SELECT unit_id FROM dim_unit WHERE unit_code = 'THA-01-0001' LIMIT 1");
        var result = Import(Header + "THA-01-0001,CĐCS Công ty May Hoằng Hóa,THA,3,private,2025-07-01,2026-03-31,\n", "close.csv");
        Assert.Equal((0, 1), (result.Added, result.Changed));
        Assert.Equal(new DateOnly(2026, 3, 31), _connection.Scalar<DateOnly>("SELECT valid_to FROM dim_unit WHERE unit_code = 'THA-01-0001' AND valid_from = DATE '2025-07-01'"));
        Assert.Equal(id, _connection.Scalar<int>("SELECT unit_id FROM dim_unit WHERE unit_code = 'THA-01-0001' AND valid_from = DATE '2025-07-01'"));
        Assert.Equal(5, Rows);
    }

    [Theory]
    [InlineData("X,Đơn vị lạ,NOPE,2,,2020-01-01,,", "NOPE", "is not in the registry")]
    [InlineData("THA-02,LĐLĐ huyện mới,THA-01,2,,2020-01-01,2024-12-31,", "THA-01", "must be above")]
    [InlineData("THA-01-0002,CĐCS sau khi đóng,THA-01,3,public,2025-01-01,,", "THA-01", "is not active on 2025-07-01")]
    [InlineData("THA-01-0001,CĐCS trùng,THA-01,3,private,2020-01-01,2020-12-31,", "THA-01-0001", "overlaps")]
    [InlineData("Y,Không cấp,THA,,,2020-01-01,,", "Y", "level")]
    [InlineData("Z,Thiếu khu vực,THA-01,3,,2020-01-01,,", "Z", "sector")]
    [InlineData("W,Ngày sai,THA,2,,01/02/2020,,", "W", "ISO date")]
    public void BadRowIsRefusedWithItsLineAndNothingIsLoaded(string row, string unit, string reason)
    {
        Import(Base);
        var before = Rows;
        var result = Import(Header + "OK1,Đơn vị tốt,THA,2,,2020-01-01,,\n" + row + "\n", "bad.csv");
        Assert.True(result.Refused);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(3, issue.Row);
        Assert.Contains(reason, issue.Reason.En, StringComparison.Ordinal);
        Assert.Contains(unit, issue.Format("bad.csv", english: true), StringComparison.Ordinal);
        Assert.Equal(before, Rows); // OK1 was not loaded either
    }

    [Fact]
    public void ParentCycleIsRefused()
    {
        var result = Import(Header + """
            TLD,Tổng Liên đoàn,,0,,2015-01-01,,
            A,Đơn vị A,B,1,,2015-01-01,,
            B,Đơn vị B,A,1,,2015-01-01,,
            """);
        Assert.True(result.Refused);
        Assert.Contains(result.Issues, i => i.Reason.En.Contains("cycle", StringComparison.Ordinal) && i.Row == 3);
        Assert.Equal(0, Rows);
    }

    [Fact]
    public void RegistryIsReadFromAWorkbookToo()
    {
        var path = Path.Combine(_folder, "units.xlsx");
        using (var package = new OfficeOpenXml.ExcelPackage())
        {
            var sheet = package.Workbook.Worksheets.Add("units");
            var lines = Base.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            for (var r = 0; r < lines.Length; r++)
            {
                var cells = lines[r].Split(',');
                for (var c = 0; c < cells.Length; c++)
                {
                    // Dates as real date cells, levels as numbers: as a user's workbook would have them.
                    object? value = cells[c].Length == 0 ? null
                        : r > 0 && c is 5 or 6 ? DateTime.Parse(cells[c], System.Globalization.CultureInfo.InvariantCulture)
                        : r > 0 && c == 3 ? double.Parse(cells[c], System.Globalization.CultureInfo.InvariantCulture)
                        : cells[c];
                    sheet.Cells[r + 1, c + 1].Value = value;
                }
            }
            package.SaveAs(new FileInfo(path));
        }
        var result = UnitRegistryImport.Import(_connection, path);
        Assert.False(result.Refused, string.Join("; ", result.Issues.Select(i => i.Reason.En)));
        Assert.Equal(5, Rows);
    }
}
