using Analytics.Reports.Charts;

namespace Analytics.Reports.Data;

/// <summary>An indicator as a report shows it: its code, name and unit of measure in the report's language, and its number format.</summary>
public sealed record IndicatorColumn(string Code, string Name, string Unit, ValueFormat Format);
