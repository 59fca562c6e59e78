namespace Analytics.Jobs.Operations;

/// <summary>
/// How far a running job has got (files ingested so far, of how many), for the Jobs page and the
/// demo's progress bar. One per process: each node reports only its own runs.
/// </summary>
public sealed class JobProgress
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (int Done, int Total)> _running = new(StringComparer.Ordinal);

    public void Report(string job, int done, int total)
    {
        lock (_lock) _running[job] = (done, total);
    }

    public void Finish(string job)
    {
        lock (_lock) _running.Remove(job);
    }

    /// <summary>The running job's progress, or null when it is not running here (or reports none).</summary>
    public (int Done, int Total)? Of(string job)
    {
        lock (_lock) return _running.TryGetValue(job, out var p) ? p : null;
    }

    /// <summary>An IProgress that reports <paramref name="job"/>'s files, called on the reporting thread.</summary>
    public IProgress<(int Done, int Total)> For(string job) => new Reporter(this, job);

    private sealed class Reporter(JobProgress progress, string job) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => progress.Report(job, value.Done, value.Total);
    }
}
