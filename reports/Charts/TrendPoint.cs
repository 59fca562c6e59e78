namespace Analytics.Reports.Charts;

/// <summary>One value of a trend line. Periods appear in the order given; Series names a line when there are several.</summary>
public sealed record TrendPoint(string Period, double Value, string? Series = null);
