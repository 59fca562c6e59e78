namespace Analytics.Reports.Charts;

/// <summary>One chart drawn twice from the same plot: its SVG text and its PNG.</summary>
public sealed record RenderedChart(string Svg, byte[] Png);
