namespace Analytics.Warehouse.DuckDb;

/// <summary>Conversions between DuckDB's physical encodings and .NET values.</summary>
internal static class DuckDbValues
{
    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    /// <summary>DATE is days since 1970-01-01.</summary>
    public static int ToDays(DateOnly date) => date.DayNumber - EpochDayNumber;

    public static DateOnly FromDays(int days) => DateOnly.FromDayNumber(days + EpochDayNumber);

    /// <summary>TIMESTAMP is microseconds since 1970-01-01 00:00:00.</summary>
    public static long ToMicros(DateTime value) => (value.Ticks - DateTime.UnixEpoch.Ticks) / 10;

    public static DateTime FromMicros(long micros) => new(DateTime.UnixEpoch.Ticks + micros * 10, DateTimeKind.Unspecified);
}
