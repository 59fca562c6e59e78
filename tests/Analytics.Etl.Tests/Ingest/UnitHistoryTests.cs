using Analytics.Etl.Ingest;

namespace Analytics.Etl.Tests.Ingest;

public sealed class UnitHistoryTests
{
    private static PeriodInfo Period(int id, string type) =>
        new(id, $"p{id}", type, 2021, 1, new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), "kỳ", "period");

    [Fact]
    public void KeepsPointValuesForTheIndicatorsAskedAndSeriesByPeriodTypeForAll()
    {
        const short members = 2, workers = 1;
        var history = new UnitHistory([members]);
        // Every kind of period id dim_period has, up to the congress terms (9,000,000 + start year).
        history.Add(7, members, Period(2_024_201, "quarter"), 100);
        history.Add(7, members, Period(2_024_202, "quarter"), 110);
        history.Add(7, members, Period(9_002_021, "term"), 120);
        history.Add(7, workers, Period(2_024_201, "quarter"), 300);
        history.Add(8, members, Period(2_024_201, "quarter"), 50);

        Assert.Equal(100, history.ValueAt(7, members, 2_024_201));
        Assert.Equal(120, history.ValueAt(7, members, 9_002_021));
        Assert.Equal(50, history.ValueAt(8, members, 2_024_201));
        Assert.Null(history.ValueAt(7, workers, 2_024_201));
        Assert.Equal([100.0, 110.0], history.Series(7, members, "quarter"));
        Assert.Equal([120.0], history.Series(7, members, "term"));
        Assert.Equal([300.0], history.Series(7, workers, "quarter"));
        Assert.True(history.HasUnit(8));
        Assert.False(history.HasUnit(9));

        history.Clear();
        Assert.False(history.HasUnit(7));
        Assert.Equal(0, history.SeriesCount(7, members, "quarter"));
    }
}
