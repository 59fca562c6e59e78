using System.Collections.Concurrent;

namespace Analytics.Warehouse.Tests.Store;

public sealed class QueryProgressTests
{
    private sealed class Recorder(Action<double> onReport) : IProgress<double>
    {
        public ConcurrentQueue<double> Reports { get; } = new();

        public void Report(double value)
        {
            Reports.Enqueue(value);
            onReport(value);
        }
    }

    [Fact]
    public void ALongStatementReportsDuckDbsProgressAndStopsWhenCancelled()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        connection.Execute("CREATE TABLE t AS SELECT i FROM range(200000) r(i)");
        // Minutes of work on any machine; cancelled as soon as DuckDB has reported any progress.
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var recorder = new Recorder(_ => cancellation.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() =>
            connection.Execute("SELECT count(*) FROM t a, t b WHERE a.i + b.i = -1", recorder, TimeSpan.FromMilliseconds(50), cancellation.Token));

        var reports = recorder.Reports.ToList();
        Assert.NotEmpty(reports);
        Assert.All(reports, p => Assert.InRange(p, 0, 100));
        Assert.Equal(reports.Order().ToList(), reports);
        Assert.Equal(1, connection.Scalar<int>("SELECT 1"));
    }

    [Fact]
    public void AShortStatementWithProgressReturnsItsRowCountAndReportsNothingAfterwards()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        connection.Execute("CREATE TABLE t (i INTEGER)");
        var recorder = new Recorder(_ => { });

        Assert.Equal(1000, connection.Execute("INSERT INTO t SELECT i FROM range(1000) r(i)", recorder));
        var seen = recorder.Reports.Count;
        Thread.Sleep(600);

        Assert.Equal(seen, recorder.Reports.Count);
        Assert.Equal(1000, connection.Scalar<long>("SELECT count(*) FROM t"));
    }
}
