using System.Globalization;

namespace Analytics.Warehouse.Vocabulary;

/// <summary>
/// "Now" and "today" as the users read them: a <see cref="TimeProvider"/> (the system's, or a fake one in
/// tests) seen in the configured time zone, Vietnam's by default, whatever zone the server runs in.
/// Deadlines, "as of" dates and every time shown to users go through here.
/// </summary>
public sealed class VietnamClock(TimeProvider time, TimeZoneInfo? zone = null)
{
    /// <summary>The zone deadlines and schedules are read in unless configured otherwise.</summary>
    public const string DefaultZoneId = "Asia/Ho_Chi_Minh";

    public static TimeZoneInfo DefaultZone { get; } = TimeZoneInfo.FindSystemTimeZoneById(DefaultZoneId);

    public TimeProvider Time { get; } = time;

    public TimeZoneInfo Zone { get; } = zone ?? DefaultZone;

    /// <summary>The current time in the zone.</summary>
    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(Time.GetUtcNow(), Zone);

    /// <summary>Today's date in the zone (a deadline of the 15th is still open on the 15th there).</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    /// <summary>A UTC instant as the wall-clock time in the zone.</summary>
    public DateTime Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The zone named where a time is shown: "giờ Việt Nam, UTC+07:00", "Vietnam time, UTC+07:00".</summary>
    public string ZoneName(Language language)
    {
        var offset = Zone.GetUtcOffset(Time.GetUtcNow());
        var utc = "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture);
        return Zone.Id == DefaultZoneId
            ? language.Pick($"giờ Việt Nam, {utc}", $"Vietnam time, {utc}")
            : $"{Zone.Id}, {utc}";
    }
}
