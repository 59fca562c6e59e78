namespace Analytics.Warehouse.Attainment;

/// <summary>Where a target stands (rules: docs/analyst-guide.md, "Attainment"). Codes: <see cref="Attainment.Code"/>.</summary>
public enum AttainmentStatus
{
    /// <summary>achieved: the target was met for the period assessed (or a floor total already reached).</summary>
    Achieved,

    /// <summary>on_track: the period is running and the figure (projected where it is a flow) meets the target.</summary>
    OnTrack,

    /// <summary>at_risk: the period is running and the figure (projected) does not meet the target.</summary>
    AtRisk,

    /// <summary>missed: the period is over and the target was not met.</summary>
    Missed,

    /// <summary>not_yet_due: the target's years have not started on the as-of date, or its figure comes
    /// with a year report that is not yet due.</summary>
    NotYetDue,

    /// <summary>no_data: nothing reported that measures the target for the period assessed.</summary>
    NoData,

    /// <summary>not_measured: the plan says submissions cannot measure this target.</summary>
    NotMeasured,
}
