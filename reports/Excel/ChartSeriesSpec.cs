namespace Analytics.Reports.Excel;

/// <summary>One series of a native chart: the header cell naming it and the column holding its values (1-based).</summary>
public sealed record ChartSeriesSpec(int HeaderRow, int Column);
