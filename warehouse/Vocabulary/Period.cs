using System.Globalization;

namespace Analytics.Warehouse.Vocabulary;

/// <summary>
/// A period as dim_period knows it (warehouse/Schema/Migrations/0002_periods.sql): the canonical
/// code (<c>2024</c>, <c>2024-H1</c>, <c>2024-9M</c>, <c>2024-Q3</c>, <c>2024-03</c>, <c>2021-2025</c>),
/// its type, year, position within the year and its first and last day (inclusive).
/// </summary>
public sealed record PeriodRef(string Code, PeriodType Type, int Year, int Seq, DateOnly Start, DateOnly End)
{
    private static readonly string[] Roman = ["I", "II", "III", "IV"];

    /// <summary>The value of dim_period.period_type: month, quarter, half, nine_months, year or term.</summary>
    public string TypeName => Type switch
    {
        PeriodType.Month => "month",
        PeriodType.Quarter => "quarter",
        PeriodType.Half => "half",
        PeriodType.NineMonths => "nine_months",
        PeriodType.Year => "year",
        _ => "term",
    };

    public static PeriodRef Month(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new PeriodRef(
            string.Create(CultureInfo.InvariantCulture, $"{year}-{month:00}"), PeriodType.Month, year, month,
            start, start.AddMonths(1).AddDays(-1));
    }

    public static PeriodRef Quarter(int year, int quarter)
    {
        var start = new DateOnly(year, quarter * 3 - 2, 1);
        return new PeriodRef(
            string.Create(CultureInfo.InvariantCulture, $"{year}-Q{quarter}"), PeriodType.Quarter, year, quarter,
            start, start.AddMonths(3).AddDays(-1));
    }

    public static PeriodRef Half(int year, int half)
    {
        var start = new DateOnly(year, half * 6 - 5, 1);
        return new PeriodRef(
            string.Create(CultureInfo.InvariantCulture, $"{year}-H{half}"), PeriodType.Half, year, half,
            start, start.AddMonths(6).AddDays(-1));
    }

    public static PeriodRef NineMonths(int year) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{year}-9M"), PeriodType.NineMonths, year, 1,
            new DateOnly(year, 1, 1), new DateOnly(year, 9, 30));

    public static PeriodRef WholeYear(int year) =>
        new(year.ToString(CultureInfo.InvariantCulture), PeriodType.Year, year, 1,
            new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>A five-year congress term such as 2021-2025 (dim_period holds terms starting 2016, 2021, …).</summary>
    public static PeriodRef Term(int startYear) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{startYear}-{startYear + 4}"), PeriodType.Term, startYear, 1,
            new DateOnly(startYear, 1, 1), new DateOnly(startYear + 4, 12, 31));

    /// <summary>
    /// The label dim_period stores: Vietnamese by default ("Quý I/2024", "6 tháng đầu năm 2024",
    /// "Tháng 3/2024"), English for <paramref name="lang"/> "en" ("Q1 2024", "First half 2024", "March 2024").
    /// </summary>
    public string Label(string lang = "vi")
    {
        var en = string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase);
        var inv = CultureInfo.InvariantCulture;
        return Type switch
        {
            PeriodType.Month => en
                ? string.Create(inv, $"{inv.DateTimeFormat.GetMonthName(Seq)} {Year}")
                : string.Create(inv, $"Tháng {Seq}/{Year}"),
            PeriodType.Quarter => en
                ? string.Create(inv, $"Q{Seq} {Year}")
                : string.Create(inv, $"Quý {Roman[Seq - 1]}/{Year}"),
            PeriodType.Half => en
                ? string.Create(inv, $"{(Seq == 1 ? "First" : "Second")} half {Year}")
                : string.Create(inv, $"6 tháng {(Seq == 1 ? "đầu" : "cuối")} năm {Year}"),
            PeriodType.NineMonths => en
                ? string.Create(inv, $"Nine months {Year}")
                : string.Create(inv, $"9 tháng năm {Year}"),
            PeriodType.Year => en ? string.Create(inv, $"Year {Year}") : string.Create(inv, $"Năm {Year}"),
            _ => en
                ? string.Create(inv, $"Term {Year}-{Year + 4}")
                : string.Create(inv, $"Nhiệm kỳ {Year}-{Year + 4}"),
        };
    }

    public override string ToString() => Code;
}
