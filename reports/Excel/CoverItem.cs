namespace Analytics.Reports.Excel;

/// <summary>One line of a cover sheet: a label and a value (text, number or date) with an optional number format.</summary>
public sealed record CoverItem(string Label, object? Value, string? Format = null);
