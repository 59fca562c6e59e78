using Analytics.Jobs.Operations;
using Analytics.Jobs.Cli;
using Analytics.Jobs.Tests.Service;
using Analytics.Jobs.Web;
using Apache.Arrow;
using Apache.Arrow.Ipc;

namespace Analytics.Jobs.Tests.Web;

/// <summary>The web SQL page's Arrow download, over a real published snapshot, under the page's read-only options and limits.</summary>
public sealed class SqlArrowDownloadTests : IDisposable
{
    private readonly ServiceFolder _folder = new();

    public SqlArrowDownloadTests()
    {
        using var warehouse = Analytics.Warehouse.Warehouse.Open(_folder.Settings.Db);
        Publisher.Run(warehouse, _folder.Settings);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_download_holds_the_query_result_cut_at_the_row_limit()
    {
        using var stream = new MemoryStream();
        Assert.Null(SqlPages.WriteArrow(_folder.Settings, "SELECT i, 'Đoàn viên ' || i AS label FROM range(5000) t(i) ORDER BY i", 3000, stream));
        stream.Position = 0;
        using var arrow = new ArrowFileReader(stream);
        var rows = 0;
        while (arrow.ReadNextRecordBatch() is { } batch)
        {
            var labels = (StringArray)batch.Column(1);
            for (var i = 0; i < batch.Length; i++, rows++) Assert.Equal($"Đoàn viên {rows}", labels.GetString(i));
        }
        Assert.Equal(3000, rows);
    }

    [Fact]
    public void The_snapshot_tables_come_through_with_their_row_count()
    {
        using var stream = new MemoryStream();
        Assert.Null(SqlPages.WriteArrow(_folder.Settings, "SELECT * FROM dim_indicator", 100_000, stream));
        stream.Position = 0;
        using var arrow = new ArrowFileReader(stream);
        long rows = 0;
        while (arrow.ReadNextRecordBatch() is { } batch) rows += batch.Length;
        var answer = SqlPages.Run(_folder.Settings, "SELECT count(*) FROM dim_indicator", 10);
        Assert.True(rows > 0);
        Assert.Equal(Convert.ToInt64(answer.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture), rows);
    }

    [Fact]
    public void The_quick_chart_is_inline_svg_drawn_on_the_server_with_the_rows_largest_first()
    {
        var answer = SqlPages.Run(_folder.Settings, "SELECT * FROM (VALUES ('Đoàn A', 12), ('Đoàn B', 30), ('Đoàn C', 7)) t(unit, n)", 10);
        var html = SqlPages.QuickChart(answer, english: false)!.ToString();
        Assert.StartsWith("<svg ", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        var svg = System.Xml.Linq.XDocument.Parse(html);
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        Assert.Equal(["Đoàn B", "Đoàn A", "Đoàn C"], texts.Where(t => t.StartsWith("Đoàn", StringComparison.Ordinal)));
        Assert.Contains("30", texts);
        Assert.Null(SqlPages.QuickChart(SqlPages.Run(_folder.Settings, "SELECT 1 AS n", 10), english: false));
    }

    [Theory]
    [InlineData("CREATE TABLE x (a INTEGER)")]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')")]
    public void Writes_and_file_reads_give_an_error_not_a_file(string sql)
    {
        using var stream = new MemoryStream();
        Assert.NotNull(SqlPages.WriteArrow(_folder.Settings, sql, 10, stream));
    }
}
