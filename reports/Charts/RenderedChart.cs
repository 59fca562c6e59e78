namespace Analytics.Reports.Charts;

/// <summary>One chart rendered once: its SVG text and a PNG drawn from that same SVG.</summary>
public sealed record RenderedChart(string Svg, byte[] Png);
