namespace Analytics.Reports.Data;

/// <summary>An indicator's value for one unit (a child, or the report's unit for the total row).</summary>
public sealed record UnitIndicatorValue(string UnitCode, string IndicatorCode, double Value);
