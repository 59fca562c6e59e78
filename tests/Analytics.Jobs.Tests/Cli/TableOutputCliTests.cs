using Analytics.Jobs.Cli;

namespace Analytics.Jobs.Tests.Cli;

/// <summary>Tables written anywhere but a terminal: plain text in the layout scripts and people read, with no ANSI codes and no markup taken from the data.</summary>
public sealed class TableOutputCliTests : IDisposable
{
    private readonly TempFolder _temp = new("analytics-table-");

    public TableOutputCliTests()
    {
        using var db = DuckDbDatabase.Open(Db);
        using var connection = db.Connect();
        connection.Execute("CREATE TABLE t AS SELECT * FROM (VALUES ('HNI', 1186400, 78.4::DOUBLE), ('[bold]x[/]', 7, NULL)) v(unit, n, r)");
    }

    public void Dispose() => _temp.Dispose();

    private string Db => Path.Combine(_temp.Path, "w.duckdb");

    private string Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run([.. args, "--db", Db], output, error, TimeProvider.System);
        Assert.True(exit == CliApp.Ok, $"exit {exit}: {error}");
        return output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    [Fact]
    public void A_table_is_plain_text_two_spaces_between_columns_numbers_right_aligned_the_Vietnamese_way()
    {
        var table = Run("sql", "SELECT * FROM t ORDER BY n DESC");

        Assert.Equal(
            "unit                n     r\n" +
            "──────────  ─────────  ────\n" +
            "HNI         1.186.400  78,4\n" +
            "[bold]x[/]          7\n",
            table);
        Assert.DoesNotContain('\u001b', table);
    }

    [Fact]
    public void Csv_and_json_keep_invariant_numbers()
    {
        Assert.Equal("unit,n,r\nHNI,1186400,78.4\n[bold]x[/],7,\n", Run("sql", "SELECT * FROM t ORDER BY n DESC", "--format", "csv"));
        Assert.Equal("[\n  {\n    \"unit\": \"HNI\",\n    \"n\": 1186400,\n    \"r\": 78.4\n  }\n]\n", Run("sql", "SELECT * FROM t WHERE n > 10", "--format", "json"));
    }
}
