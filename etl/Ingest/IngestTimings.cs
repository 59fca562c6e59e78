using System.Diagnostics;

namespace Analytics.Etl.Ingest;

/// <summary>
/// Where an ingest run's time went, summed over its batches, so a benchmark (or a slow run) can
/// say which phase to work on. Files are read ahead on other threads while a batch is validated
/// and written, so the phases may add up to more than the wall time.
/// </summary>
public sealed class IngestTimings
{
    private long _reading;
    private long _checking;
    private long _lookups;
    private long _validating;
    private long _writing;
    private long _committing;
    private long _waiting;

    /// <summary>Reading files: bytes, hash, parsing into drafts (summed over the reading threads).</summary>
    public TimeSpan Reading => Span(Interlocked.Read(ref _reading));

    /// <summary>Checking drafts ahead against the registry and catalog, and hashing them (summed over the reading threads).</summary>
    public TimeSpan Checking => Span(Interlocked.Read(ref _checking));

    /// <summary>Queries before validation and writing: files seen before, unit history, current versions.</summary>
    public TimeSpan Lookups => Span(Interlocked.Read(ref _lookups));

    /// <summary>The rules that need history (on the loading thread), and adding accepted values to it.</summary>
    public TimeSpan Validating => Span(Interlocked.Read(ref _validating));

    /// <summary>Appending submissions, facts, messages and quarantined values.</summary>
    public TimeSpan Writing => Span(Interlocked.Read(ref _writing));

    /// <summary>Retiring superseded versions and committing.</summary>
    public TimeSpan Committing => Span(Interlocked.Read(ref _committing));

    /// <summary>Time the loading thread waited for files still being read.</summary>
    public TimeSpan WaitingForFiles => Span(Interlocked.Read(ref _waiting));

    internal void AddReading(long start) => Interlocked.Add(ref _reading, Stopwatch.GetTimestamp() - start);

    internal void AddChecking(long start) => Interlocked.Add(ref _checking, Stopwatch.GetTimestamp() - start);

    internal void AddLookups(long start) => Interlocked.Add(ref _lookups, Stopwatch.GetTimestamp() - start);

    internal void AddValidating(long start) => Interlocked.Add(ref _validating, Stopwatch.GetTimestamp() - start);

    internal void AddWriting(long start) => Interlocked.Add(ref _writing, Stopwatch.GetTimestamp() - start);

    internal void AddCommitting(long start) => Interlocked.Add(ref _committing, Stopwatch.GetTimestamp() - start);

    internal void AddWaiting(long start) => Interlocked.Add(ref _waiting, Stopwatch.GetTimestamp() - start);

    private static TimeSpan Span(long ticks) => TimeSpan.FromSeconds((double)ticks / Stopwatch.Frequency);
}
