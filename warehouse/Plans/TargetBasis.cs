namespace Analytics.Warehouse.Plans;

/// <summary>Which period a target is checked over.</summary>
public enum TargetBasis
{
    /// <summary>Separately for each year from FromYear to ToYear.</summary>
    EachYear,

    /// <summary>Once, over FromYear–ToYear taken together.</summary>
    Term,

    /// <summary>Once, as of the due date.</summary>
    ByDate,
}
