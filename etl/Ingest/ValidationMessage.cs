using Analytics.Warehouse.Vocabulary;
namespace Analytics.Etl.Ingest;

/// <summary>A finding about a submission: the rule, how serious, the text, and what it points at.</summary>
public sealed record ValidationMessage(string RuleId, Severity Severity, Bilingual Text, string? Indicator, int? Row, string? Cell)
{
    /// <summary>"units.csv, dòng 12, ô D12 — HNI-LBN-0001, 2024-Q1, members: … [V07]".</summary>
    public string Format(string file, string? sheet, string? unit, string? period, bool english)
    {
        var parts = new List<string> { Path.GetFileName(file) };
        if (sheet is not null) parts.Add(english ? $"sheet '{sheet}'" : $"trang '{sheet}'");
        if (Cell is not null) parts.Add(english ? $"cell {Cell}" : $"ô {Cell}");
        else if (Row is not null) parts.Add(english ? $"line {Row}" : $"dòng {Row}");
        var subject = string.Join(", ", new[] { unit, period, Indicator }.Where(s => !string.IsNullOrEmpty(s)));
        return $"{string.Join(", ", parts)} — {(subject.Length > 0 ? subject + ": " : "")}{Text.In(english)} [{RuleId}]";
    }
}
