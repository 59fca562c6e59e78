
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

    [Fact]
    public void ValuesAreShownAsAnAnalystReadsThem()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        using var reader = connection.Query("""
            SELECT sum(i) AS total, DATE '2024-03-31' AS d, [1, 2] AS l, {'a': 1, 'b': 'x'} AS s, MAP {'k': 2} AS m,
                   NULL::INTEGER AS n, 170141183460469231731687303715884105727::HUGEINT AS wide, 'Hà Nội' AS t
            FROM range(4) r(i)
            """);
        Assert.True(reader.Read());
        var values = Enumerable.Range(0, reader.FieldCount).Select(i => AnalystSql.Value(reader, i)).ToList();

        Assert.Equal<object?>([6L, new DateOnly(2024, 3, 31), "[1, 2]", "{'a': 1, 'b': 'x'}", "{'k': 2}", null,
            "170141183460469231731687303715884105727", "Hà Nội"], values);
    }
}
