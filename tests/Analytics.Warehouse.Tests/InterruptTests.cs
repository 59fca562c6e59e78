using System.Diagnostics;

namespace Analytics.Warehouse.Tests;

public sealed class InterruptTests
{
    // Tens of billions of row pairs: minutes of work on any machine, so only an interrupt ends it quickly.
    private const string LongQuery = "SELECT count(*) FROM range(200000) a(x), range(200000) b(y) WHERE x + y = -1";

    [Fact]
    public void CancellingStopsALongExecuteAndTheConnectionStaysUsable()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => connection.Execute(LongQuery, cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(1, connection.Scalar<int>("SELECT 1"));
        Assert.Equal(500_000_500_000, connection.Scalar<long>("SELECT sum(i) FROM range(1000001) t(i)"));
    }

    [Fact]
    public void CancellingStopsAStreamedQueryAndTheConnectionStaysUsable()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        long rows = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            // Rows trickle out (one per ~10^9 candidates), so the reader is mid-stream when cancelled.
            using var interrupt = connection.InterruptOn(cancellation.Token);
            using var reader = connection.Query("SELECT i FROM range(100000000000) t(i) WHERE i % 1000000007 = 5");
            while (reader.Read()) rows++;
        });

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.True(rows < 100, $"{rows} rows");
        Assert.Equal(1, connection.Scalar<int>("SELECT 1"));
        Assert.Equal(1_000_000, connection.Scalar<long>("SELECT count(*) FROM range(1000000)"));
    }

    [Fact]
    public void InterruptFromAnotherThreadStopsTheQueryAsCancellation()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        using var timer = new Timer(_ => connection.Interrupt(), null, 200, Timeout.Infinite);
        var clock = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => connection.Execute(LongQuery));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(1, connection.Scalar<int>("SELECT 1"));
    }

    [Fact]
    public void AnAlreadyCancelledTokenStopsTheQueryBeforeItStarts()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        connection.Execute("CREATE TABLE t (i INTEGER)");
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        var clock = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => connection.Execute(LongQuery, cancellation.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => connection.Execute("INSERT INTO t VALUES (1)", cancellation.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => ArrowExport.Write(connection, LongQuery, Stream.Null, cancellationToken: cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(0, connection.Scalar<long>("SELECT count(*) FROM t"));
    }

    [Fact]
    public void ATokenCancelledAfterTheQueryFinishedDoesNotHarmTheNextQuery()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        using var cancellation = new CancellationTokenSource();

        Assert.Equal(0, connection.Execute("CREATE TABLE t (i INTEGER)", cancellation.Token));
        cancellation.Cancel();

        Assert.Equal(3, connection.Scalar<long>("SELECT count(*) FROM range(3)"));
    }
}
