namespace Analytics.Reports.Charts;

/// <summary>
/// One target of a scorecard: its label (shown in full, so keep it short: the conference pack
/// gives the target's id and hand-written short name), its actual and target values in <see cref="Format"/>. Achieved
/// defaults to actual ≥ target; pass it for ceilings ("no more than") and ranges.
/// </summary>
public sealed record BulletRow(string Label, double Actual, double Target, ValueFormat Format, bool? Achieved = null)
{
    public bool IsAchieved => Achieved ?? Actual >= Target;
}
