namespace Analytics.Reports.Charts;

/// <summary>Language of the words a chart builder adds itself, and of its number formats.</summary>
public enum ChartLanguage
{
    /// <summary>Vietnamese (default): "Chỉ tiêu", 1.186.400, 78,4%.</summary>
    Vi,

    /// <summary>English: "Target", 1,186,400, 78.4%.</summary>
    En,
}
