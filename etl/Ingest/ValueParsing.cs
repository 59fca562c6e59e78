using Analytics.Warehouse.Vocabulary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Analytics.Etl.Parsing;

namespace Analytics.Etl.Ingest;

/// <summary>The one place ingest turns typed text into periods and numbers (see etl/Parsing).</summary>
internal static class ValueParsing
{
    // A bulk file repeats a handful of period spellings on every row; parsing (Unicode folding and
    // regexes) is paid once per distinct spelling. Bounded so odd input cannot grow it without end.
    private static readonly ConcurrentDictionary<string, (string? Code, Bilingual? Error)> Periods = new(StringComparer.Ordinal);
    private const int PeriodCacheLimit = 10_000;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string? PeriodCode(string text, out Bilingual? error)
    {
        if (!Periods.TryGetValue(text, out var result))
        {
            result = PeriodParser.TryParse(text, out var period, out var message)
                ? (period.Code, null)
                : (null, new Bilingual(message.Vi, message.En));
            if (Periods.Count < PeriodCacheLimit) Periods[text] = result;
        }
        error = result.Error;
        return result.Code;
    }

    /// <summary>
    /// Plain ASCII digits, at most 15 (so the number is exact as a double and reads the same as
    /// through <see cref="Number"/>); null for anything else.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long? PlainWhole(string text)
    {
        if (text.Length is 0 or > 15) return null;
        long value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9') return null;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static decimal? Number(string text, NumberKind kind, out Bilingual? error)
    {
        // Plain digits read the same in every convention, and they are most of what files carry.
        if (text.Length is > 0 and <= 18 && IsAsciiDigits(text))
        {
            error = null;
            return long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        // Then amounts grouped by dots ("92.549.000"): read here without the general parser's strings.
        if (DotGroupedWhole(text) is { } grouped)
        {
            error = null;
            return grouped;
        }
        if (VietnameseNumber.TryParse(text, kind, out var value, out var message))
        {
            error = null;
            return value;
        }
        error = new Bilingual(message.Vi, message.En);
        return null;
    }

    /// <summary>
    /// A whole number whose thousands are grouped by dots, as <see cref="VietnameseNumber"/> reads it:
    /// 1 to 3 digits not starting with 0, then groups of exactly three digits, each after a dot (a
    /// single group after one dot is thousands too, "1.520" = 1520). Null for anything else, which
    /// the general parser then reads or refuses with its message; the tests hold the two equal.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static long? DotGroupedWhole(string text)
    {
        var firstDot = text.IndexOf('.', StringComparison.Ordinal);
        if (firstDot is < 1 or > 3 || text[0] == '0' || (text.Length - firstDot) % 4 != 0 || text.Length > 23) return null;
        long value = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            // Dots sit exactly every four characters from the first one.
            if (i >= firstDot && (i - firstDot) % 4 == 0)
            {
                if (c != '.') return null;
                continue;
            }
            if (c is < '0' or > '9') return null;
            value = value * 10 + (c - '0');
        }
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsAsciiDigits(string text)
    {
        foreach (var c in text)
            if (c is < '0' or > '9') return false;
        return true;
    }
}
