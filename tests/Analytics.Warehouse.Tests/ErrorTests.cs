
namespace Analytics.Warehouse.Tests;

public sealed class ErrorTests
{
    [Fact]
    public void ASyntaxErrorCarriesDuckDbsMessageAndTheConnectionStaysUsable()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();

        var viaQuery = Assert.Throws<DuckDBException>(() => connection.Execute("SELEC 1"));
        var viaPrepare = Assert.Throws<DuckDBException>(() => connection.Query("SELECT FROM WHERE", 1));

        Assert.Contains("syntax error", viaQuery.Message);
        Assert.Contains("SELEC", viaQuery.Message);
        Assert.Contains("syntax error", viaPrepare.Message);
        Assert.Equal(1, connection.Scalar<int>("SELECT 1"));
    }

    [Fact]
    public void AMissingTableIsNamedInTheMessage()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();

        var error = Assert.Throws<DuckDBException>(() => connection.Scalar<long>("SELECT count(*) FROM khong_co_bang"));
        var appenderError = Assert.Throws<DuckDBException>(() => connection.CreateAppender("khong_co_bang"));

        Assert.Contains("khong_co_bang", error.Message);
        Assert.Contains("does not exist", error.Message);
        Assert.Contains("khong_co_bang", appenderError.Message);
        Assert.Equal(2, connection.Scalar<int>("SELECT 2"));
    }

    [Fact]
    public void AConstraintViolationIsRefusedWithDuckDbsTextAndLeavesTheConnectionUsable()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        connection.Execute("CREATE TABLE unit (code VARCHAR PRIMARY KEY, level TINYINT CHECK (level BETWEEN 0 AND 3))");
        connection.Execute("INSERT INTO unit VALUES ($1, $2)", "LDLD-LB", 2);

        var duplicate = Assert.Throws<DuckDBException>(() => connection.Execute("INSERT INTO unit VALUES ($1, $2)", "LDLD-LB", 3));
        var check = Assert.Throws<DuckDBException>(() => connection.Execute("INSERT INTO unit VALUES ('CDCS-1', 7)"));
        var appended = Assert.Throws<DuckDBException>(() =>
        {
            using var appender = connection.CreateAppender("unit");
            appender.CreateRow().AppendValue("LDLD-LB").AppendValue((sbyte)1).EndRow();
            appender.Close();
        });

        Assert.Contains("Duplicate key", duplicate.Message);
        Assert.Contains("LDLD-LB", duplicate.Message);
        Assert.Contains("CHECK constraint", check.Message);
        Assert.Contains("Duplicate key", appended.Message);
        Assert.Equal(1, connection.Scalar<long>("SELECT count(*) FROM unit"));
        connection.Execute("INSERT INTO unit VALUES ('CDCS-1', 3)");
        Assert.Equal(2, connection.Scalar<long>("SELECT count(*) FROM unit"));
    }

    [Fact]
    public void BindingTooFewParametersOrATokenAsOneIsRefused()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();

        var error = Assert.Throws<InvalidOperationException>(() => connection.Execute("SELECT $1, $2", 1));
        Assert.Contains("Expected 2", error.Message);
        using var cancellation = new CancellationTokenSource();
        Assert.Throws<ArgumentException>(() => connection.Query("SELECT 1", cancellation.Token));
        Assert.Equal(3, connection.Scalar<int>("SELECT $1", 3));
    }
}
