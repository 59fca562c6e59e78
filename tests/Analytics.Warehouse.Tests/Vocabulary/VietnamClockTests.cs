using Analytics.Warehouse.Vocabulary;

namespace Analytics.Warehouse.Tests.Vocabulary;

public sealed class VietnamClockTests
{
    [Fact]
    public void TodayIsVietnamsDateWhateverTheServersZone()
    {
        // 18:30 UTC on 14 March is 01:30 on 15 March in Hà Nội (UTC+7, no daylight saving).
        var clock = new VietnamClock(new FixedClock(new DateTimeOffset(2024, 3, 14, 18, 30, 0, TimeSpan.Zero)));

        Assert.Equal(new DateOnly(2024, 3, 15), clock.Today);
        Assert.Equal(new DateTime(2024, 3, 15, 1, 30, 0), clock.Now.DateTime);
        Assert.Equal(TimeSpan.FromHours(7), clock.Now.Offset);
        Assert.Equal(new DateTime(2024, 3, 14, 16, 0, 0), clock.Local(new DateTimeOffset(2024, 3, 14, 9, 0, 0, TimeSpan.Zero)));
        Assert.Equal("giờ Việt Nam, UTC+07:00", clock.ZoneName(Language.Vi));
        Assert.Equal("Vietnam time, UTC+07:00", clock.ZoneName(Language.En));
    }

    [Fact]
    public void AnotherConfiguredZoneIsNamedByItsId()
    {
        var clock = new VietnamClock(new FixedClock(new DateTimeOffset(2024, 1, 10, 12, 0, 0, TimeSpan.Zero)), TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
        Assert.Equal("Europe/Paris, UTC+01:00", clock.ZoneName(Language.Vi));
    }

    [Fact]
    public void ALanguageIsViOrEnAndNothingElse()
    {
        Assert.Equal(Language.En, Languages.Parse("en"));
        Assert.Equal("vi", Language.Vi.Code());
        Assert.Throws<ArgumentException>(() => Languages.Parse("fr"));
        Assert.Equal("Doanh nghiệp nhà nước", Sector.Name(Sector.StateOwned, Language.Vi));
        Assert.Equal("grassroots union", Level.Grassroots.Name(Language.En));
    }
}
