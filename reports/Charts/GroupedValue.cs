namespace Analytics.Reports.Charts;

/// <summary>
/// One bar of a grouped bar chart: Category is the group on the axis, Series the bar within it.
/// A null Value means the category did not exist for that series (a unit founded later): the chart
/// writes "không có" / "absent" there instead of drawing a bar of 0.
/// </summary>
public sealed record GroupedValue(string Category, string Series, double? Value);
