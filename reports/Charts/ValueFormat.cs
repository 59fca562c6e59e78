namespace Analytics.Reports.Charts;

/// <summary>How a chart's values are written on axes and labels.</summary>
public enum ValueFormat
{
    /// <summary>Whole numbers with thousands separators (1.186.400).</summary>
    Count,

    /// <summary>Values are fractions (0.784) written as percent with one decimal (78,4%).</summary>
    Percent,

    /// <summary>One decimal with thousands separators (1.186,4).</summary>
    Decimal,
}
