using Analytics.Etl.Ingest;

namespace Analytics.Etl.Tests.Ingest;

public sealed class BatchSizesTests
{
    [Fact]
    public void ANationalQuartersFilesRampUpAndDownAroundTheLargestBatches() =>
        Assert.Equal([125, 250, 500, 560, 500, 250, 125], FileReadAhead.BatchSizes(2310, 1000));

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(1, 1000)]
    [InlineData(7, 1)]
    [InlineData(59_182, 1000)]
    [InlineData(59_182, 200)]
    [InlineData(130, 1000)]
    public void BatchesTakeEveryFileOnceAndNoneIsLargerThanAsked(int files, int batchSize)
    {
        var sizes = FileReadAhead.BatchSizes(files, batchSize);
        Assert.Equal(files, sizes.Sum());
        Assert.All(sizes, s => Assert.InRange(s, 1, batchSize));
        if (files > 2 * Math.Max(1, batchSize / 8))
        {
            // Small at both ends, so loading starts early and the last batch, written alone, is short.
            Assert.Equal(Math.Max(1, batchSize / 8), sizes[0]);
            Assert.Equal(Math.Max(1, batchSize / 8), sizes[^1]);
        }
    }
}
