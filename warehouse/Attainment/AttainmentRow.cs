using Analytics.Warehouse.Vocabulary;
namespace Analytics.Warehouse.Attainment;

/// <summary>
/// The attainment of one target for one unit as of a date, with the figures behind the status.
/// <see cref="PeriodCode"/> is the period assessed (a year, a year-to-date period such as 2026-9M, or
/// a term such as 2021-2025). <see cref="Actual"/> is the figure; <see cref="Projected"/> the figure
/// projected to the end of the period when it is still running (flows only); <see cref="Ratio"/> =
/// actual / target figure (for a range: actual / min). Shares are fractions.
/// </summary>
public sealed record AttainmentRow(
    string PlanId,
    string TargetId,
    string Group,
    string TextVi,
    string TextEn,
    string UnitCode,
    DateOnly AsOf,
    Hierarchy Hierarchy,
    string Shape,
    string Measure,
    string Comparison,
    double? TargetValue,
    double? TargetMin,
    double? TargetMax,
    string? Indicator,
    string? PeriodCode,
    double? Actual,
    double? Numerator,
    double? Denominator,
    double? Projected,
    double? Ratio,
    AttainmentStatus Status,
    string ExplanationVi,
    string ExplanationEn)
{
    /// <summary>The unit whose subtree the figures cover: <see cref="UnitCode"/>, except in as-is for a unit
    /// closed today, whose targets are evaluated on the unit holding its units today (its successor,
    /// recursively); the explanation then says so.</summary>
    public string EvaluatedOn { get; init; } = UnitCode;

    /// <summary>The status as written in views and CSV: achieved, on_track, at_risk, missed, not_yet_due, no_data, not_measured.</summary>
    public string StatusCode => Attainment.Code(Status);
}
