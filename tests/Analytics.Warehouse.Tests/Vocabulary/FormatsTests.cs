using Analytics.Warehouse.Vocabulary;

namespace Analytics.Warehouse.Tests.Vocabulary;

/// <summary>The one number and date format per language (issue 16's examples, by hand).</summary>
public sealed class FormatsTests
{
    private const string S = Formats.Space;

    [Fact]
    public void VietnameseGroupsWithDotsAndDecimalsWithACommaAndEnglishTheOtherWay()
    {
        Assert.Equal("28.885", Language.Vi.Count(28885));
        Assert.Equal("28,885", Language.En.Count(28885));
        Assert.Equal("1.186.400", Language.Vi.Count(1_186_400.4));
        Assert.Equal("1,5", Language.Vi.Number(1.5));
        Assert.Equal("1.5", Language.En.Number(1.5));
        Assert.Equal("120", Language.Vi.Number(120.0));
        Assert.Equal("0,77", Language.Vi.Number(0.7746));
    }

    [Fact]
    public void PercentagesCarryTheirSignAndDurationsTheirUnit()
    {
        Assert.Equal($"1,1{S}%", Language.Vi.Percent(0.011));
        Assert.Equal($"1.1{S}%", Language.En.Percent(0.011));
        Assert.Equal($"77,5{S}%", Language.Vi.Percent(0.7746));
        Assert.Equal($"75{S}%", Language.Vi.Percent(0.75, 0));
        Assert.Equal($"1,5{S}giây", Language.Vi.Seconds(1.52));
        Assert.Equal($"1.5{S}s", Language.En.Seconds(1.52));
    }

    [Fact]
    public void DatesAndTimesAreWrittenTheLanguagesWayAndTimesNameTheirZone()
    {
        Assert.Equal("15/03/2024", Language.Vi.Date(new DateOnly(2024, 3, 15)));
        Assert.Equal("2024-03-15", Language.En.Date(new DateOnly(2024, 3, 15)));
        var clock = new VietnamClock(new FixedClock(new DateTimeOffset(2026, 12, 2, 7, 21, 0, TimeSpan.Zero)));
        Assert.Equal("02/12/2026 14:21 (giờ Việt Nam, UTC+07:00)", Language.Vi.Time(clock.Time.GetUtcNow(), clock));
        Assert.Equal("2026-12-02 14:21 (Vietnam time, UTC+07:00)", Language.En.Time(clock.Time.GetUtcNow(), clock));
    }
}
