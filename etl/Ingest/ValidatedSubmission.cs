using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Analytics.Etl.Registry;

namespace Analytics.Etl.Ingest;

/// <summary>A draft after validation: accepted when no message is an error.</summary>
public sealed class ValidatedSubmission
{
    public required SubmissionDraft Draft { get; init; }

    /// <summary>The registry's spelling of the unit code, or the text as sent when unknown.</summary>
    public required string UnitCode { get; init; }

    public UnitRecord? Unit { get; init; }

    public PeriodInfo? Period { get; init; }

    /// <summary>The period code, or the text as sent when not understood.</summary>
    public string PeriodCode => Period?.Code ?? Draft.PeriodText;

    public List<ParsedValue> Values { get; } = [];

    public List<ValidationMessage> Messages { get; } = [];

    public bool Accepted => Messages.All(m => m.Severity != Severity.Error);

    public int ErrorCount => Messages.Count(m => m.Severity == Severity.Error);

    public int WarningCount => Messages.Count(m => m.Severity == Severity.Warning);

    /// <summary>
    /// SHA-256 of the unit, period and sorted values: the same content sent again is not a new version.
    /// Refused submissions hash their raw text instead.
    /// </summary>
    public string ContentHash()
    {
        var text = new StringBuilder().Append(UnitCode).Append('|').Append(PeriodCode);
        if (Accepted)
        {
            foreach (var v in Values.OrderBy(v => v.Indicator.Code, StringComparer.Ordinal))
                text.Append('|').Append(v.Indicator.Code).Append('=').Append(v.Number?.ToString("R", CultureInfo.InvariantCulture) ?? v.Category);
        }
        else
        {
            foreach (var v in Draft.Values) text.Append('|').Append(v.IndicatorText).Append('=').Append(v.ValueText);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
