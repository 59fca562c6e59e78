
namespace Analytics.Warehouse.Tests;

/// <summary>The analyst SQL surface reads, and refuses everything else with a sentence a user understands.</summary>
public sealed class AnalystSqlTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("analytics-sql-").FullName;
    private readonly string _file;

    public AnalystSqlTests()
    {
        _file = Path.Combine(_folder, "w.duckdb");
        using var database = DuckDbDatabase.Open(_file);
        using var connection = database.Connect();
        connection.Execute("CREATE TABLE t AS SELECT 'Công đoàn' AS name, 42 AS n");
    }

    [Fact]
    public void TheSurfaceReadsTheWarehouse()
    {
        using var database = DuckDbDatabase.Open(_file, AnalystSql.Options);
        using var connection = database.Connect();
        Assert.Equal("Công đoàn", connection.Scalar<string>("SELECT name FROM t"));
    }

    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')", "files")]
    [InlineData("COPY (SELECT 1) TO '{folder}/out.csv'", "files")]
    [InlineData("ATTACH '{folder}/other.duckdb' AS other", "files")]
    [InlineData("INSTALL httpfs", "files")]
    [InlineData("LOAD httpfs", "files")]
    [InlineData("SET enable_external_access = true", "settings")]
    [InlineData("SET lock_configuration = false", "settings")]
    [InlineData("INSERT INTO t VALUES ('x', 1)", "only reads")]
    [InlineData("CREATE TABLE u (a INTEGER)", "only reads")]
    public void EveryStatementThatReachesBeyondReadingIsRefusedWithAReason(string sql, string reason)
    {
        using var database = DuckDbDatabase.Open(_file, AnalystSql.Options);
        using var connection = database.Connect();
        var error = Assert.Throws<DuckDBException>(() => connection.Execute(sql.Replace("{folder}", _folder, StringComparison.Ordinal)));

        var english = AnalystSql.Refusal(error.Message, english: true);
        Assert.NotNull(english);
        Assert.Contains(reason, english, StringComparison.Ordinal);
        Assert.NotNull(AnalystSql.Refusal(error.Message, english: false));
        Assert.False(File.Exists(Path.Combine(_folder, "out.csv")));
        Assert.False(File.Exists(Path.Combine(_folder, "other.duckdb")));
    }

    [Fact]
    public void AnOrdinaryMistakeIsNotCalledARefusal()
    {
        using var database = DuckDbDatabase.Open(_file, AnalystSql.Options);
        using var connection = database.Connect();
        var error = Assert.Throws<DuckDBException>(() => connection.Execute("SELECT no_such_column FROM t"));
        Assert.Null(AnalystSql.Refusal(error.Message, english: true));
    }

    [Fact]
    public void AWriterAlreadyOpenInThisProcessCannotBeJoinedAsTheSurface()
    {
        using var writer = DuckDbDatabase.Open(_file);
        Assert.Throws<WarehouseException>(() => DuckDbDatabase.Open(_file, AnalystSql.Options));
    }

    public void Dispose()
    {
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
