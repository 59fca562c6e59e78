namespace Analytics.Jobs.Operations;

/// <summary>
/// Progress handed straight to a callback on the reporting thread, so a job's counts are seen in the
/// order they happen (System.Progress posts each report to the thread pool, where they can arrive late or reordered).
/// </summary>
public sealed class ReportedNow<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
