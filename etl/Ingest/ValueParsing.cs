using Analytics.Etl.Parsing;

namespace Analytics.Etl.Ingest;

/// <summary>The one place ingest turns typed text into periods and numbers (see etl/Parsing).</summary>
internal static class ValueParsing
{
    public static string? PeriodCode(string text, out Bilingual? error)
    {
        if (PeriodParser.TryParse(text, out var period, out var message))
        {
            error = null;
            return period.Code;
        }
        error = new Bilingual(message.Vi, message.En);
        return null;
    }

    public static decimal? Number(string text, bool count, out Bilingual? error)
    {
        if (VietnameseNumber.TryParse(text, count ? NumberKind.Count : NumberKind.Amount, out var value, out var message))
        {
            error = null;
            return value;
        }
        error = new Bilingual(message.Vi, message.En);
        return null;
    }
}
