using Xunit.Abstractions;

namespace Analytics.Warehouse.Tests;

public sealed class StreamingTests(ITestOutputHelper output)
{
    private const long Rows = 10_000_000;
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public void TenMillionRowResultStreamsWithFlatMemory()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        // Materialised, this result is at least 10M x (8 + 8 + 16) bytes = 320 MB natively (measured:
        // ~310 MB of working set when run through Execute, which materialises), and well over 600 MB
        // as .NET strings; streamed, only a few chunks are alive at once (measured: ~80 MB).
        const long limit = 200 * Megabyte;
        var expectedLength = connection.Scalar<long>($"SELECT sum(length('x' || i)) FROM range({Rows}) t(i)");
        GC.Collect();
        var workingSetBefore = ProcessMemory.WorkingSet();
        var managedBefore = ProcessMemory.Managed();

        long count = 0, sumI = 0, sumD = 0, totalLength = 0, maxWorkingSetGrowth = 0, maxManagedGrowth = 0;
        using (var reader = connection.Query($"SELECT i, i * 2 AS d, 'x' || i AS s FROM range({Rows}) t(i)"))
        {
            while (reader.Read())
            {
                sumI += reader.GetInt64(0);
                sumD += reader.GetInt64(1);
                totalLength += reader.GetString(2).Length;
                if (++count % 1_000_000 == 0)
                {
                    maxWorkingSetGrowth = Math.Max(maxWorkingSetGrowth, ProcessMemory.WorkingSet() - workingSetBefore);
                    maxManagedGrowth = Math.Max(maxManagedGrowth, ProcessMemory.Managed() - managedBefore);
                }
            }
        }

        output.WriteLine($"growth while streaming: working set {maxWorkingSetGrowth / Megabyte} MB, managed {maxManagedGrowth / Megabyte} MB");
        Assert.Equal(Rows, count);
        Assert.Equal(Rows * (Rows - 1) / 2, sumI);
        Assert.Equal(Rows * (Rows - 1), sumD);
        Assert.Equal(expectedLength, totalLength);
        Assert.True(maxWorkingSetGrowth < limit, $"working set grew by {maxWorkingSetGrowth / Megabyte} MB while streaming");
        Assert.True(maxManagedGrowth < limit, $"managed heap grew by {maxManagedGrowth / Megabyte} MB while streaming");
    }

    [Fact]
    public void AnErrorInTheMiddleOfAStreamedResultSurfacesWithDuckDbsText()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        long read = 0;

        var error = Assert.Throws<DuckDBException>(() =>
        {
            using var reader = connection.Query("SELECT CASE WHEN i = 100000 THEN error('boom') ELSE i END FROM range(1000000) t(i)");
            while (reader.Read()) read++;
        });

        Assert.Contains("boom", error.Message);
        Assert.True(read < 1_000_000, $"{read} rows were read before the error");
        Assert.Equal(7, connection.Scalar<int>("SELECT 7"));
    }
}
