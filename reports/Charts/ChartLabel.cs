using ScottPlot;

namespace Analytics.Reports.Charts;

/// <summary>
/// One piece of text on a chart, where it is drawn: <see cref="Bounds"/> is the box ScottPlot
/// measures for it, in pixels of the whole image. <see cref="Role"/> says what it is (title,
/// subtitle, legend, axis, tick, category, value, total, target, absent).
/// </summary>
public sealed record ChartLabel(string Text, PixelRect Bounds, string Role)
{
    public required Pixel Anchor { get; init; }
    public required Alignment Alignment { get; init; }
    public required float FontSize { get; init; }
    public required bool Bold { get; init; }
    public required string Color { get; init; }
}
