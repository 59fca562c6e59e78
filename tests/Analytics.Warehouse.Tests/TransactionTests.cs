
namespace Analytics.Warehouse.Tests;

public sealed class TransactionTests
{
    [Fact]
    public void ACommittedTransactionPersistsAcrossReopening()
    {
        using var file = new TempDatabaseFile();
        using (var db = DuckDbDatabase.Open(file.Path))
        using (var connection = db.Connect())
        {
            connection.Execute("CREATE TABLE t (x INTEGER)");
            using var tx = connection.BeginTransaction();
            connection.Execute("INSERT INTO t VALUES ($1), ($2)", 1, 2);
            tx.Commit();
        }

        using var reopened = DuckDbDatabase.Open(file.Path);
        using var check = reopened.Connect();
        Assert.Equal(3, check.Scalar<long>("SELECT sum(x) FROM t"));
    }

    [Fact]
    public void DisposingWithoutCommitRollsBack()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        connection.Execute("CREATE TABLE t (x INTEGER)");
        connection.Execute("INSERT INTO t VALUES (1)");

        using (connection.BeginTransaction())
        {
            connection.Execute("INSERT INTO t VALUES (2)");
            connection.Execute("DELETE FROM t WHERE x = 1");
            Assert.Equal(2, connection.Scalar<int>("SELECT sum(x) FROM t"));
        }

        Assert.Equal(1, connection.Scalar<int>("SELECT sum(x) FROM t"));
        using var again = connection.BeginTransaction(); // no transaction is left dangling
        again.Commit();
    }

    [Fact]
    public void ATransactionAbortedByAFailedStatementRollsBackOnDispose()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        connection.Execute("CREATE TABLE t (x INTEGER PRIMARY KEY)");

        using (connection.BeginTransaction())
        {
            connection.Execute("INSERT INTO t VALUES (1)");
            Assert.Throws<DuckDBException>(() => connection.Execute("INSERT INTO t VALUES (1)"));
        }

        Assert.Equal(0, connection.Scalar<long>("SELECT count(*) FROM t"));
        connection.Execute("INSERT INTO t VALUES (1)");
    }

    [Fact]
    public void OtherConnectionsDoNotSeeUncommittedRows()
    {
        using var file = new TempDatabaseFile();
        using var db = DuckDbDatabase.Open(file.Path);
        using var writer = db.Connect();
        using var reader = db.Connect();
        writer.Execute("CREATE TABLE t (x INTEGER)");

        using var tx = writer.BeginTransaction();
        writer.Execute("INSERT INTO t VALUES (5)");
        Assert.Equal(0, reader.Scalar<long>("SELECT count(*) FROM t"));
        tx.Commit();
        Assert.Equal(1, reader.Scalar<long>("SELECT count(*) FROM t"));
    }
}
