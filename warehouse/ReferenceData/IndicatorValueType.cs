namespace Analytics.Warehouse.ReferenceData;

/// <summary>What a single value of an indicator is (see dim_indicator.value_type).</summary>
public enum IndicatorValueType
{
    /// <summary>A whole number of people, units, cases, …</summary>
    Count,

    /// <summary>0 or 1 per grassroots unit: did the unit do it.</summary>
    Flag,

    /// <summary>Money in VND; may be fractional.</summary>
    Amount,

    /// <summary>One of the indicator's categories.</summary>
    Category,

    /// <summary>A ratio computed from sums (derived indicators only).</summary>
    Rate,
}
