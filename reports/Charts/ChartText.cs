namespace Analytics.Reports.Charts;

/// <summary>
/// The words around a chart, in the report's language: title, the data source and period shown in
/// the subtitle, and optional axis titles (the builder picks sensible ones when null).
/// </summary>
public sealed record ChartText(string Title, string Source, string Period, string? XTitle = null, string? YTitle = null);
