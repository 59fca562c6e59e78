namespace Analytics.Reports.Data;

/// <summary>A plan's scorecard: the plan and every target's result.</summary>
public sealed record PlanScorecardData(
    ReportHeader Header,
    string PlanId,
    string PlanNumber,
    string PlanTitle,
    string Term,
    IReadOnlyList<TargetResult> Targets);
