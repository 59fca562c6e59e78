namespace Analytics.Warehouse.Plans;

/// <summary>What the target's figure is, which fixes how its value is written.</summary>
public enum TargetMeasure
{
    /// <summary>A fraction between 0 and 1 (0.75 is 75%): a derived rate or numerator / denominator.</summary>
    Share,

    /// <summary>A number of people, unions, houses, …</summary>
    Count,

    /// <summary>A ratio that may exceed 1, such as Party introductions per grassroots union.</summary>
    Average,

    /// <summary>Money or another quantity (VND, USD).</summary>
    Amount,
}
