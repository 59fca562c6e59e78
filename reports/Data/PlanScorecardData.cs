namespace Analytics.Reports.Data;

/// <summary>
/// A plan's scorecard: the plan and every target's result. <see cref="TargetsInPeriod"/> counts the
/// measured targets whose years include the period's year; a scheduled job writes the scorecard only when
/// <see cref="HasSomethingToSay"/>, and a scorecard asked for anyway says on its cover what is missing.
/// </summary>
public sealed record PlanScorecardData(
    ReportHeader Header,
    string PlanId,
    string PlanNumber,
    string PlanTitle,
    string Term,
    IReadOnlyList<TargetResult> Targets,
    int TargetsInPeriod)
{
    /// <summary>At least one target has a figure.</summary>
    public bool HasData => Targets.Any(t => t.Actual is not null);

    /// <summary>The plan has targets for the period and some of them have data in scope.</summary>
    public bool HasSomethingToSay => TargetsInPeriod > 0 && HasData;
}
