namespace Analytics.Warehouse.Vocabulary;

/// <summary>Which organisation a figure is rolled up on (docs/analyst-guide.md, "as-is and as-was").</summary>
public enum Hierarchy
{
    /// <summary>History restated on today's organisation: values follow a unit to its current place.</summary>
    AsIs,

    /// <summary>Each value rolls up through the parent its unit had during that value's own period.</summary>
    AsWas,
}
