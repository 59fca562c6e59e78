namespace Analytics.Reports.Data;

/// <summary>Where a target stands. The scorecard colours rows by it.</summary>
public enum TargetStatus
{
    Achieved,
    OnTrack,
    AtRisk,
    NotAchieved,
    NotYetDue,
    NoData,
    NotMeasured,
}
