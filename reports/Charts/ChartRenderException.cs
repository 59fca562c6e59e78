namespace Analytics.Reports.Charts;

/// <summary>
/// A chart could not be rendered: the worker rejected the spec (its message is kept), timed out,
/// or could not be started.
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
