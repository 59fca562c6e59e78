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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static decimal? Number(string text, bool count, out Bilingual? error)
    {
        // Plain digits read the same in every convention, and they are most of what files carry.
        if (text.Length is > 0 and <= 18 && IsAsciiDigits(text))
        {
            error = null;
            return long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        }
        if (VietnameseNumber.TryParse(text, count ? NumberKind.Count : NumberKind.Amount, out var value, out var message))
        {
            error = null;
            return value;
        }
        error = new Bilingual(message.Vi, message.En);
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsAsciiDigits(string text)
    {
        foreach (var c in text)
            if (c is < '0' or > '9') return false;
        return true;
    }
}
