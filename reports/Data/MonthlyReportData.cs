using Analytics.Warehouse.Completeness;

namespace Analytics.Reports.Data;

/// <summary>
/// Everything the monthly report shows: key indicators by child unit (the unit itself last, as the
/// total), the completeness of the month's quarter, and the trend of the key indicators.
/// </summary>
public sealed record MonthlyReportData(
    ReportHeader Header,
    string CompletenessPeriodCode,
    string SamePeriodLastYearLabel,
    IReadOnlyList<IndicatorColumn> Indicators,
    IReadOnlyList<ChildUnit> Children,
    IReadOnlyList<MonthlyFigure> Figures,
    CompletenessReport.Result Completeness,
    IReadOnlyList<PeriodValue> Trend);
