namespace Analytics.Reports.Charts;

/// <summary>
/// Size of the whole chart image in pixels, titles and axes included. Text, strokes and marks
/// scale with the height, so a chart reads the same on a slide and in a workbook.
/// </summary>
public sealed record ChartSize(int Width, int Height)
{
    /// <summary>16:9 conference slide.</summary>
    public static readonly ChartSize Slide = new(1920, 1080);

    /// <summary>Picture inserted in a workbook or shown on the web page (the design size).</summary>
    public static readonly ChartSize Workbook = new(960, 540);

    /// <summary>Compact picture, e.g. one chart per target group in a scorecard.</summary>
    public static readonly ChartSize Compact = new(720, 405);

    /// <summary>Factor applied to the sizes the charts were designed with (at 960×540).</summary>
    public double Scale => Math.Min(Width / 960.0, Height / 540.0);
}
