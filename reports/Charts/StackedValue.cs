namespace Analytics.Reports.Charts;

/// <summary>One segment of a stacked bar: Category is the bar (e.g. a sector), Part the segment (e.g. a rating).</summary>
public sealed record StackedValue(string Category, string Part, double Value);
