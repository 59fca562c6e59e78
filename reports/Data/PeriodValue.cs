namespace Analytics.Reports.Data;

/// <summary>An indicator's value for the report's unit in one period of a trend (Series: e.g. the year, when several lines are compared).</summary>
public sealed record PeriodValue(string IndicatorCode, string PeriodCode, string PeriodLabel, double Value, string? Series = null);
