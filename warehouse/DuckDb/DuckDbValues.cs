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

    /// <summary>
    /// DECIMAL(w, s) is stored as the integer value × 10^s. Rounds half away from zero when
    /// <paramref name="value"/> has more fractional digits than the column keeps, as DuckDB's cast does.
    /// </summary>
    public static Int128 ToUnscaled(decimal value, int scale)
    {
        if (value.Scale > scale && scale <= 28) value = decimal.Round(value, scale, MidpointRounding.AwayFromZero);
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = (Int128)(((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0]);
        var shift = scale - value.Scale;
        var unscaled = shift >= 0 ? checked(mantissa * Pow10(shift)) : mantissa / Pow10(-shift);
        return value < 0 ? -unscaled : unscaled;
    }

    /// <summary>
    /// The decimal an unscaled DECIMAL value stands for. .NET's decimal keeps 96 bits of mantissa,
    /// DuckDB's up to 127; wide values lose their last fractional digits (rounded) rather than overflow.
    /// </summary>
    public static decimal FromUnscaled(Int128 unscaled, int scale)
    {
        var negative = unscaled < 0;
        var magnitude = negative ? (UInt128)(-unscaled) : (UInt128)unscaled;
        while ((magnitude >> 96) != 0 || scale > 28)
        {
            if (scale == 0) throw new OverflowException("The DECIMAL value is too large for System.Decimal.");
            var remainder = magnitude % 10;
            magnitude /= 10;
            if (remainder >= 5) magnitude++;
            scale--;
        }
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, (byte)scale);
    }

    private static Int128 Pow10(int n)
    {
        Int128 r = 1;
        for (var i = 0; i < n; i++) r = checked(r * 10);
        return r;
    }
}
