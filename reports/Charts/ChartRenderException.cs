namespace Analytics.Reports.Charts;

/// <summary>
/// A chart could not be drawn: the chart font is missing or unreadable, or Skia could not make or
/// encode the image.
/// </summary>
public sealed class ChartRenderException : Exception
{
    public ChartRenderException(string message) : base(message)
    {
    }

    public ChartRenderException(string message, Exception inner) : base(message, inner)
    {
    }
}
