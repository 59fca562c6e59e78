namespace Analytics.Reports.Data;

/// <summary>
/// Everything the annual report shows: every indicator for the year by child unit (Values holds the
/// report's unit too, as the total), the yearly trend over the term, the rate indicators to rank
/// children on, the ratings by sector, and last year's values by child (for year-on-year charts).
/// </summary>
public sealed record AnnualReportData(
    ReportHeader Header,
    int Year,
    string Term,
    IReadOnlyList<IndicatorColumn> Indicators,
    IReadOnlyList<ChildUnit> Children,
    IReadOnlyList<UnitIndicatorValue> Values,
    IReadOnlyList<PeriodValue> Trend,
    IReadOnlyList<string> RankingIndicators,
    IReadOnlyList<SectorRating> Ratings,
    IReadOnlyList<UnitIndicatorValue> PreviousYearValues);
