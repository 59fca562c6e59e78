namespace Analytics.Jobs.Cli;

/// <summary>
/// Reports progress synchronously on the calling thread (System.Progress posts to the thread pool,
/// which would draw the bar out of order).
/// </summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
