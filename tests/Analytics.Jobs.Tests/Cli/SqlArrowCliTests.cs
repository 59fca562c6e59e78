using System.Text;
using Analytics.Jobs.Cli;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace Analytics.Jobs.Tests.Cli;

/// <summary>`analytics sql --format arrow`, run in-process against a real warehouse file, its output read back with Apache.Arrow.</summary>
public sealed class SqlArrowCliTests : IDisposable
{
    private static readonly string Nfd = "Liên đoàn Lao động tỉnh Thanh Hóa".Normalize(NormalizationForm.FormD);
    private readonly TempFolder _temp = new("analytics-sql-arrow-");

    public SqlArrowCliTests()
    {
        using var db = DuckDbDatabase.Open(Db);
        using var connection = db.Connect();
        connection.Execute("CREATE TABLE t AS SELECT i::INTEGER AS n, CASE WHEN i % 5 = 0 THEN NULL ELSE (i / 4)::DECIMAL(12,2) END AS rate, DATE '2024-01-01' + i::INTEGER AS day FROM range(10000) t(i)");
        connection.Execute("CREATE TABLE names (name VARCHAR)");
        connection.Execute("INSERT INTO names VALUES ($1), (NULL)", Nfd);
    }

    public void Dispose() => _temp.Dispose();

    private string Db => Path.Combine(_temp.Path, "w.duckdb");

    private (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run([.. args, "--db", Db], output, error, TimeProvider.System);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void The_whole_result_is_written_past_the_row_limit_in_several_batches_and_reported_in_Vietnamese()
    {
        var file = Path.Combine(_temp.Path, "out.arrow");
        var (exit, output, error) = Run("sql", "SELECT * FROM t ORDER BY n", "--format", "arrow", "--out", file);
        Assert.True(exit == CliApp.Ok, error);
        Assert.Equal($"Đã ghi 10.000 dòng vào {file} (Arrow IPC).", output.Trim());

        using var stream = File.OpenRead(file);
        using var arrow = new ArrowFileReader(stream);
        Assert.IsType<Int32Type>(arrow.Schema.GetFieldByName("n").DataType);
        Assert.Equal((12, 2), arrow.Schema.GetFieldByName("rate").DataType is Decimal128Type d ? (d.Precision, d.Scale) : (0, 0));
        Assert.IsType<Date32Type>(arrow.Schema.GetFieldByName("day").DataType);
        var (rows, nulls, batches) = (0, 0, 0);
        while (arrow.ReadNextRecordBatch() is { } batch)
        {
            batches++;
            var n = (Int32Array)batch.Column(0);
            var rate = (Decimal128Array)batch.Column(1);
            for (var i = 0; i < batch.Length; i++, rows++)
            {
                Assert.Equal(rows, n.GetValue(i));
                if (rate.IsNull(i)) nulls++;
                else Assert.Equal(rows / 4m, rate.GetValue(i));
            }
        }
        Assert.Equal((10_000, 2_000), (rows, nulls));
        Assert.True(batches > 1, $"{batches} batch(es)");
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.tmp-*"));
    }

    [Fact]
    public void English_output_and_NFD_text_kept_byte_for_byte()
    {
        var file = Path.Combine(_temp.Path, "names.arrow");
        var (exit, output, error) = Run("sql", "SELECT name FROM names", "--format", "arrow", "--out", file, "--lang", "en");
        Assert.True(exit == CliApp.Ok, error);
        Assert.Equal($"Wrote 2 rows to {file} (Arrow IPC).", output.Trim());
        using var stream = File.OpenRead(file);
        using var arrow = new ArrowFileReader(stream);
        var names = (StringArray)arrow.ReadNextRecordBatch().Column(0);
        Assert.Equal(Nfd, names.GetString(0));
        Assert.True(names.IsNull(1));
    }

    [Fact]
    public void Arrow_without_out_is_a_usage_error_and_out_without_arrow_too()
    {
        Assert.Equal(2, Run("sql", "SELECT 1", "--format", "arrow").Exit);
        Assert.Equal(2, Run("sql", "SELECT 1", "--out", Path.Combine(_temp.Path, "x.arrow")).Exit);
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.arrow*"));
    }

    [Fact]
    public void A_list_column_is_written_as_an_Arrow_list()
    {
        var file = Path.Combine(_temp.Path, "list.arrow");
        var (exit, _, error) = Run("sql", "SELECT [1, 2] AS pair", "--format", "arrow", "--out", file);
        Assert.True(exit == CliApp.Ok, error);
        using var stream = File.OpenRead(file);
        using var arrow = new Apache.Arrow.Ipc.ArrowFileReader(stream);
        Assert.IsType<Apache.Arrow.Types.ListType>(arrow.Schema.GetFieldByName("pair").DataType);
        var pair = (Apache.Arrow.ListArray)arrow.ReadNextRecordBatch().Column(0);
        Assert.Equal([1, 2], ((Apache.Arrow.Int32Array)pair.GetSlicedValues(0)).Values.ToArray());
    }

    [Fact]
    public void A_write_is_still_refused_when_the_format_is_arrow()
    {
        var (exit, _, error) = Run("sql", "COPY t TO '/tmp/x.csv'", "--format", "arrow", "--out", Path.Combine(_temp.Path, "w.arrow"));
        Assert.Equal(CliApp.Refused, exit);
        Assert.Contains("bị từ chối", error, StringComparison.Ordinal);
    }
}
