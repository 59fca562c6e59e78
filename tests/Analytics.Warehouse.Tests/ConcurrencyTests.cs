
namespace Analytics.Warehouse.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public void SeveralConnectionsOnSeveralThreadsWorkAtOnceOnOneFile()
    {
        const int workers = 6;
        const int rowsEach = 20_000;
        using var file = new TempDatabaseFile();
        using var db = DuckDbDatabase.Open(file.Path);
        using (var setup = db.Connect())
            setup.Execute("CREATE TABLE loads (worker INTEGER, n INTEGER)");
        using var start = new Barrier(workers);

        var results = new long[workers];
        var threads = Enumerable.Range(0, workers).Select(w => new Thread(() =>
        {
            using var connection = db.Connect();
            start.SignalAndWait();
            // Half the workers insert through the appender, half through parameterised statements,
            // and each reads aggregates while the others write.
            if (w % 2 == 0)
            {
                using var appender = connection.CreateAppender("loads");
                for (var i = 0; i < rowsEach; i++) appender.CreateRow().AppendValue(w).AppendValue(i).EndRow();
                appender.Close();
            }
            else
            {
                using var tx = connection.BeginTransaction();
                for (var i = 0; i < rowsEach; i += 100)
                {
                    connection.Execute($"INSERT INTO loads SELECT {w}, i FROM range({i}, {i + 100}) t(i)");
                    connection.Execute("INSERT INTO loads VALUES ($1, $2)", w, -1);
                }
                tx.Commit();
                connection.Execute("DELETE FROM loads WHERE worker = $1 AND n = -1", w);
            }
            var other = connection.Scalar<long>("SELECT count(*) FROM range(100000) t(i) WHERE i % 7 = 0");
            Assert.Equal(14286, other);
            results[w] = connection.Scalar<long>("SELECT sum(n) FROM loads WHERE worker = $1", w);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.All(results, sum => Assert.Equal((long)rowsEach * (rowsEach - 1) / 2, sum));
        using var check = db.Connect();
        Assert.Equal(workers * rowsEach, check.Scalar<long>("SELECT count(*) FROM loads"));
        Assert.Equal(workers, check.Scalar<long>("SELECT count(DISTINCT worker) FROM loads"));
    }
}
