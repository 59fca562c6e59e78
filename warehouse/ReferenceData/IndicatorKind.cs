namespace Analytics.Warehouse.ReferenceData;

/// <summary>How an indicator's values behave over time (see dim_indicator.kind).</summary>
public enum IndicatorKind
{
    /// <summary>A level at period end (members, a CBA in force); rolls up over time by the latest report.</summary>
    Stock,

    /// <summary>Something that happened during the period (members admitted); sums over sub-periods.</summary>
    Flow,

    /// <summary>One value from a fixed list (a rating).</summary>
    Category,

    /// <summary>Computed from other indicators and the unit registry; never reported.</summary>
    Derived,
}
