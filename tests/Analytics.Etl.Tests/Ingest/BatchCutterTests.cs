using Analytics.Etl.Ingest;

namespace Analytics.Etl.Tests.Ingest;

public sealed class BatchCutterTests
{
    /// <summary>Cuts files holding the given values as ingest does, chunk by chunk; returns each batch's (files, values).</summary>
    private static List<(int Files, long Values)> Cut(IReadOnlyList<int> valuesPerFile, int maxFiles)
    {
        var cutter = new BatchCutter(valuesPerFile.Count, maxFiles);
        var batches = new List<(int, long)>();
        int read = 0, files = 0;
        long values = 0;
        for (var size = cutter.NextChunk(); size > 0; size = cutter.NextChunk())
        {
            Assert.InRange(size, 1, valuesPerFile.Count - read);
            var chunkValues = 0L;
            for (var k = read; k < read + size; k++) chunkValues += valuesPerFile[k];
            read += size;
            files += size;
            values += chunkValues;
            if (!cutter.Add(size, chunkValues)) continue;
            batches.Add((files, values));
            files = 0;
            values = 0;
        }
        Assert.Equal(valuesPerFile.Count, read);
        Assert.Equal(0, files);
        return batches;
    }

    [Fact]
    public void ANationalQuartersDistrictFilesMakeBatchesPastARowGroupEach()
    {
        // 2,310 district CSVs of about 462 values each, as in the national 2024-Q1.
        var batches = Cut(Enumerable.Repeat(462, 2310).ToList(), 1000);
        Assert.Equal(2310, batches.Sum(b => b.Files));
        Assert.All(batches, b => Assert.True(b.Values >= BatchCutter.RowGroupRows, $"a batch of {b.Values} values"));
        Assert.All(batches, b => Assert.InRange(b.Files, 1, 1000));
        // The first is just past a row group, so loading starts soon; the next ones are larger.
        Assert.InRange(batches[0].Values, BatchCutter.FirstValues, BatchCutter.FirstValues + 462);
        Assert.True(batches[1].Values > batches[0].Values);
        Assert.Equal([333, 665, 1000, 312], batches.Select(b => b.Files));
    }

    [Fact]
    public void FilesLeftAtTheEndJoinTheBatchBeforeWhenTheyWouldNotFillARowGroup()
    {
        // 400 files of 462 values: 333 fill the first batch, the 67 left (31,000 values) join it.
        var batches = Cut(Enumerable.Repeat(462, 400).ToList(), 1000);
        Assert.Equal([(400, 400 * 462L)], batches);
    }

    [Fact]
    public void FilesLeftAtTheEndMakeTheirOwnBatchWhenTheBatchHasNoRoomForThem()
    {
        var batches = Cut(Enumerable.Repeat(462, 400).ToList(), 350);
        Assert.Equal([333, 67], batches.Select(b => b.Files));
    }

    [Fact]
    public void SmallWorkbooksAreBatchedByTheFileLimit()
    {
        // Single-unit workbooks of a dozen values never reach a row group: batches are full of files.
        var batches = Cut(Enumerable.Repeat(12, 2500).ToList(), 1000);
        Assert.Equal([1000, 1000, 500], batches.Select(b => b.Files));
    }

    [Fact]
    public void BatchesGrowUpToTheLargestTarget()
    {
        var batches = Cut(Enumerable.Repeat(100, 60_000).ToList(), 100_000);
        Assert.Equal(6_000_000, batches.Sum(b => b.Values));
        Assert.All(batches.SkipLast(1), b => Assert.InRange(b.Values, BatchCutter.FirstValues, BatchCutter.MaxValues + 100));
        Assert.InRange(batches[^2].Values, BatchCutter.MaxValues, BatchCutter.MaxValues + 100);
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(1, 1000)]
    [InlineData(7, 1)]
    [InlineData(130, 1000)]
    [InlineData(59_182, 200)]
    public void EveryFileIsReadOnceAndNoBatchIsLargerThanAsked(int files, int maxFiles)
    {
        var random = new Random(files);
        var values = Enumerable.Range(0, files).Select(_ => random.Next(0, 900)).ToList();
        var batches = Cut(values, maxFiles);
        Assert.Equal(files, batches.Sum(b => b.Files));
        Assert.All(batches, b => Assert.InRange(b.Files, 1, maxFiles));
    }
}
