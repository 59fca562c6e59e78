using Analytics.Etl.Ingest;

namespace Analytics.Etl.Tests.Ingest;

public sealed class UnitHistoryTests
{
    private static PeriodInfo Period(int id, string type) =>
        new(id, $"p{id}", type, 2021, 1, new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), "kỳ", "period");

    private static readonly PeriodInfo Q1 = Period(2_024_201, "quarter"), Q2 = Period(2_024_202, "quarter"), Term = Period(9_002_021, "term");

    [Fact]
    public void KeepsValuesAtAPeriodAndSeriesByPeriodType()
    {
        const short members = 2, workers = 1;
        var history = new UnitHistory();
        // Every kind of period id dim_period has, up to the congress terms (9,000,000 + start year);
        // units interleaved, as the warehouse hands facts out.
        history.Add(7, members, Q1, 100);
        history.Add(8, members, Q1, 50);
        history.Add(7, members, Q2, 110);
        history.Add(7, members, Term, 120);
        history.Add(7, workers, Q1, 300);

        Assert.Equal(100, history.ValueAt(7, members, Q1));
        Assert.Equal(120, history.ValueAt(7, members, Term));
        Assert.Equal(50, history.ValueAt(8, members, Q1));
        Assert.Null(history.ValueAt(7, workers, Q2));
        Assert.Null(history.ValueAt(9, members, Q1));
        // An indicator the catalog lacks (id -1) or never seen is simply unknown.
        Assert.Null(history.ValueAt(7, -1, Q1));
        Assert.Equal(0, history.SeriesCount(7, 500, "quarter"));
        Assert.Equal([100.0, 110.0], history.Series(7, members, "quarter"));
        Assert.Equal([120.0], history.Series(7, members, "term"));
        Assert.Equal([300.0], history.Series(7, workers, "quarter"));
        Assert.Equal([50.0], history.Series(8, members, "quarter"));
        Assert.True(history.HasUnit(8));
        Assert.False(history.HasUnit(9));

        history.Clear();
        Assert.False(history.HasUnit(7));
        Assert.Equal(0, history.SeriesCount(7, members, "quarter"));
        Assert.Null(history.ValueAt(7, members, Q1));
    }

    [Fact]
    public void ANewVersionReplacesEveryValueOfItsPeriodAndNothingElse()
    {
        const short members = 2, workers = 1, admitted = 3;
        var history = new UnitHistory();
        history.Add(7, members, Q1, 100);
        history.Add(7, workers, Q1, 300);
        history.Add(7, members, Q2, 110);
        history.Add(7, admitted, Q2, 12);
        history.Add(8, members, Q2, 40);
        Assert.Equal([100.0, 110.0], history.Series(7, members, "quarter")); // gathered, then changed below

        // Q2 sent again with members only: admitted is no longer current either.
        history.Remove(7, Q2);
        history.Add(7, members, Q2, 115);

        Assert.Equal([100.0, 115.0], history.Series(7, members, "quarter"));
        Assert.Equal(0, history.SeriesCount(7, admitted, "quarter"));
        Assert.Equal(115, history.ValueAt(7, members, Q2));
        Assert.Equal([300.0], history.Series(7, workers, "quarter"));
        Assert.Equal(40, history.ValueAt(8, members, Q2));
        // Removing what is not there changes nothing.
        history.Remove(9, Q2);
        history.Remove(7, Term);
        Assert.Equal([100.0, 115.0], history.Series(7, members, "quarter"));
    }

    [Fact]
    public void LongSeriesComeWholeAndInTheOrderAdded()
    {
        const short members = 2;
        var history = new UnitHistory();
        for (var i = 0; i < 300; i++) history.Add(i % 3, members, Period(2_000_000 + i, "month"), i);
        Assert.Equal(100, history.SeriesCount(1, members, "month"));
        Assert.Equal(Enumerable.Range(0, 100).Select(k => 3.0 * k + 1), history.SeriesView(1, members, "month").ToArray());
        Assert.Equal(Enumerable.Range(0, 100).Select(k => 3.0 * k + 2), history.Series(2, members, "month"));
        Assert.True(history.SeriesView(1, members, "quarter").IsEmpty);
    }
}

public sealed class OutlierShortcutTests
{
    [Fact]
    public void AValueTheShortcutPassesIsNeverOneTheFullCheckFlags()
    {
        // Series as units report them: steady counts, growing ones, zeros, small counts, amounts in
        // VND; values near and far. Whenever the shortcut says "not far", the median and MAD must agree.
        var random = new Random(20261122);
        int passed = 0, flagged = 0;
        for (var trial = 0; trial < 200_000; trial++)
        {
            var length = random.Next(SubmissionValidator.OutlierMinimumHistory, 30);
            var level = random.Next(6) switch { 0 => 0, 1 => random.Next(1, 10), 2 => random.Next(10, 1000), 3 => random.Next(1000, 100_000), 4 => random.NextDouble() * 1e10, _ => random.Next(0, 50) };
            var spread = random.Next(4) switch { 0 => 0, 1 => 0.02, 2 => 0.3, _ => 3 };
            var series = new double[length];
            for (var i = 0; i < length; i++) series[i] = Math.Max(0, Math.Round(level * (1 + spread * (random.NextDouble() - 0.5)) + random.Next(-3, 4) * (spread > 0 ? 1 : 0)));
            var x = random.Next(3) switch { 0 => series[random.Next(length)], 1 => Math.Round(level * random.NextDouble() * 3), _ => Math.Round(level + random.Next(-60, 61)) };

            var copy = (double[])series.Clone();
            var (median, scale) = SubmissionValidator.RobustScale(copy);
            var far = Math.Abs(x - median) > SubmissionValidator.OutlierThreshold * scale;
            if (SubmissionValidator.SurelyNotFar(series, x))
            {
                Assert.False(far, $"x = {x}, series = [{string.Join(", ", series)}]");
                passed++;
            }
            if (far) flagged++;
        }
        // Both sides are exercised: most values take the shortcut, and many are still flagged.
        Assert.True(passed > 50_000, $"{passed} took the shortcut");
        Assert.True(flagged > 10_000, $"{flagged} flagged");
    }
}
