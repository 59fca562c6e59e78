using Analytics.Warehouse.DuckDb;
using Analytics.Warehouse.Plans;

namespace Analytics.Warehouse.Metrics;

/// <summary>
/// Attainment of plan targets (docs/plans.md for the shapes, docs/analyst-guide.md for the status rules):
/// for a target, a unit (default: the plan's issuer) and an as-of date, the actual figure, the target,
/// the ratio and a status with its explanation in Vietnamese and English.
/// </summary>
public sealed class Attainment(DuckDbConnection connection, PlanCatalog? plans = null)
{
    private readonly Metrics _metrics = new(connection);
    private readonly PlanCatalog _plans = plans ?? PlanCatalog.Embedded;

    /// <summary>Every target of the plan, in plan order, for <paramref name="unitCode"/> (default: the issuer) as of <paramref name="asOf"/>.
    /// Not-measured targets are listed with status not_measured.</summary>
    public IReadOnlyList<AttainmentRow> Evaluate(string planId, string? unitCode, DateOnly asOf, Hierarchy hierarchy = Hierarchy.AsIs) =>
        throw new NotImplementedException();

    /// <summary>One target for one unit as of a date.</summary>
    public AttainmentRow EvaluateTarget(TargetDefinition target, string unitCode, DateOnly asOf, Hierarchy hierarchy = Hierarchy.AsIs) =>
        throw new NotImplementedException();

    /// <summary>The status code used in views, CSV and JSON.</summary>
    public static string Code(AttainmentStatus status) => status switch
    {
        AttainmentStatus.Achieved => "achieved",
        AttainmentStatus.OnTrack => "on_track",
        AttainmentStatus.AtRisk => "at_risk",
        AttainmentStatus.Missed => "missed",
        AttainmentStatus.NotYetDue => "not_yet_due",
        AttainmentStatus.NoData => "no_data",
        AttainmentStatus.NotMeasured => "not_measured",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
