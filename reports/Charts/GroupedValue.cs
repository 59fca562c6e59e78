namespace Analytics.Reports.Charts;

/// <summary>One bar of a grouped bar chart: Category is the group on the axis, Series the bar within it.</summary>
public sealed record GroupedValue(string Category, string Series, double Value);
