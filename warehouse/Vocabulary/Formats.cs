using System.Globalization;

namespace Analytics.Warehouse.Vocabulary;

/// <summary>
/// The one way numbers, percentages, durations and dates are written for people, per language:
/// Vietnamese 28.885 · 1,5 · 1,1 % · 1,5 giây · 15/03/2024; English 28,885 · 1.5 · 1.1 % · 1.5 s · 2024-03-15.
/// Sentences, tables, pages, workbook text and chart labels all use it; files for machines (CSV, JSON,
/// Parquet, Arrow) stay invariant. A unit sign is joined to its number by a no-break space, so a line
/// break never separates them.
/// </summary>
public static class Formats
{
    /// <summary>Between a number and its sign or unit: a no-break space.</summary>
    public const string Space = "\u00A0";

    private static readonly NumberFormatInfo Vietnamese = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    private static readonly NumberFormatInfo English = new()
    {
        NumberDecimalSeparator = ".",
        NumberGroupSeparator = ",",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary>The separators of the language (decimal comma and dotted thousands in Vietnamese).</summary>
    public static NumberFormatInfo Numbers(this Language language) => language == Language.En ? English : Vietnamese;

    /// <summary>A whole number with thousands grouped: 28.885 / 28,885.</summary>
    public static string Count(this Language language, double value) => Math.Round(value).ToString("#,0", language.Numbers());

    /// <summary>A number with up to <paramref name="decimals"/> decimals, trailing zeros dropped: 1,5 / 1.5; 120 / 120.</summary>
    public static string Number(this Language language, double value, int decimals = 2) =>
        value.ToString(decimals <= 0 ? "#,0" : "#,0." + new string('#', decimals), language.Numbers());

    /// <summary>A number with exactly <paramref name="decimals"/> decimals: 1,50 / 1.50.</summary>
    public static string Fixed(this Language language, double value, int decimals) =>
        value.ToString(decimals <= 0 ? "#,0" : "#,0." + new string('0', decimals), language.Numbers());

    /// <summary>A ratio as a percentage with its sign: 0.011 → 1,1 % / 1.1 %.</summary>
    public static string Percent(this Language language, double ratio, int decimals = 1) =>
        language.Fixed(ratio * 100, decimals) + Space + "%";

    /// <summary>A difference of two ratios in percentage points: 0.006 → 0,6 điểm % / 0.6 pp.</summary>
    public static string Points(this Language language, double difference, int decimals = 1) =>
        language.Fixed(difference * 100, decimals) + Space + language.Pick("điểm %", "pp");

    /// <summary>A duration in seconds: 1,5 giây / 1.5 s.</summary>
    public static string Seconds(this Language language, double seconds) =>
        language.Fixed(seconds, 1) + Space + language.Pick("giây", "s");

    /// <summary>A date: 15/03/2024 / 2024-03-15.</summary>
    public static string Date(this Language language, DateOnly date) =>
        date.ToString(language == Language.En ? "yyyy-MM-dd" : "dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>A wall-clock time (already in the configured zone): 15/03/2024 09:30 / 2024-03-15 09:30.</summary>
    public static string Time(this Language language, DateTime local) =>
        local.ToString(language == Language.En ? "yyyy-MM-dd HH:mm" : "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>An instant shown in <paramref name="clock"/>'s zone, with the zone named: "15/03/2024 16:30 (giờ Việt Nam, UTC+07:00)".</summary>
    public static string Time(this Language language, DateTimeOffset instant, VietnamClock clock) =>
        $"{language.Time(clock.Local(instant))} ({clock.ZoneName(language)})";

    /// <summary>A value in a table for people: counts grouped, other numbers with up to two decimals, dates in the language's form.</summary>
    public static string Value(this Language language, object? value) => value switch
    {
        null => "",
        int or long or short or sbyte or byte => language.Count(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
        double d => language.Number(d),
        float f => language.Number(f),
        decimal m => language.Number((double)m),
        DateOnly d => language.Date(d),
        DateTime t => language.Time(t),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
