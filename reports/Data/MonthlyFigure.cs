namespace Analytics.Reports.Data;

/// <summary>
/// One key indicator for one unit in the monthly report: its figure for the month (null when the
/// indicator is not reported monthly), year to date, and the same period of last year.
/// </summary>
public sealed record MonthlyFigure(string UnitCode, string UnitName, string IndicatorCode, double? Month, double? YearToDate, double? SamePeriodLastYear)
{
    /// <summary>Year to date over the same period last year, minus one; null when either is missing or last year is zero.</summary>
    public double? Change => YearToDate is { } now && SamePeriodLastYear is { } then && then != 0 ? (now / then) - 1 : null;
}
