using Quartz;

namespace Analytics.Jobs.Scheduling;

/// <summary>
/// Waits for jobs' finished runs to appear in the history, within one time limit for all of them, and
/// gives up early on a job that is not coming: nothing runs anywhere in the scheduler (nothing executing,
/// nothing reserved to execute) and none of the job's triggers is due before the limit, for a short grace
/// in a row. A job is chained only from inside another running job (the listener triggers the next one
/// before that firing ends), so once nothing runs, no chain can still bring it. Quartz 4 answers both
/// questions from the job store (QueryFireInstances, QueryTriggers), which on a clustered store also
/// sees the other nodes' firings.
/// </summary>
public sealed class JobWait
{
    private readonly IScheduler _scheduler;
    private readonly JobHistory _history;
    private readonly TimeProvider _clock;
    private readonly long _started;

    public JobWait(IScheduler scheduler, JobHistory history, TimeSpan limit, TimeProvider clock)
    {
        _scheduler = scheduler;
        _history = history;
        _clock = clock;
        Limit = limit;
        _started = clock.GetTimestamp();
    }

    /// <summary>The longest the waits may take in all, counted from this object's creation.</summary>
    public TimeSpan Limit { get; }

    /// <summary>
    /// How long "nothing runs, nothing is due" must hold before the job is given up: the two questions
    /// are separate snapshots, and a trigger stored between them must not be missed.
    /// </summary>
    public TimeSpan IdleGrace { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan Elapsed => _clock.GetElapsedTime(_started);

    /// <summary>
    /// The job's first finished run in the history (a failed attempt that will be retried is not one), or
    /// why there is none. <paramref name="tick"/> runs at every look, for a progress line.
    /// </summary>
    public async Task<JobWaitResult> For(string job, Action? tick = null, CancellationToken cancellationToken = default)
    {
        var key = JobNames.Key(job);
        long? idleSince = null;
        while (true)
        {
            tick?.Invoke();
            // The scheduler first, then the history: a run that ends between the two is found in the history.
            var now = await Observe(key, cancellationToken);
            if (_history.For(job).FirstOrDefault(r => r.Result != JobRun.Retrying) is { } run) return new JobWaitResult(job, run, null, Elapsed);

            if (now.Busy || now.Due) idleSince = null;
            else if (idleSince is null) idleSince = _clock.GetTimestamp();
            else if (_clock.GetElapsedTime(idleSince.Value) >= IdleGrace) return new JobWaitResult(job, null, JobStall.NeverRan, Elapsed, NextFireAt: now.NextFireAt);

            if (Elapsed >= Limit)
            {
                return now.StartedAt is { } started
                    ? new JobWaitResult(job, null, JobStall.NeverFinished, Elapsed, StartedAt: started)
                    : new JobWaitResult(job, null, JobStall.NotStarted, Elapsed, NextFireAt: now.NextFireAt);
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// Before the scheduler is stopped after giving up: stands it by, so that nothing new fires, asks every
    /// job running in it to stop (Quartz cancels its token; a firing already reserved that starts meanwhile is
    /// asked in turn) and waits up to <paramref name="grace"/> for them to end, so that the scheduler can then
    /// stop without waiting on them. Returns the jobs still running after that: they ignored the request.
    /// </summary>
    public async Task<IReadOnlyList<string>> StopRunning(TimeSpan grace, CancellationToken cancellationToken = default)
    {
        await _scheduler.Standby(cancellationToken);
        var since = _clock.GetTimestamp();
        while (true)
        {
            var firings = (await _scheduler.QueryFireInstances(new FireInstanceQuery { State = null, SchedulerInstanceId = _scheduler.SchedulerInstanceId, Take = PagedQuery.All }, cancellationToken)).Items;
            // Asked again at every look: a firing the store lists as executing may not have handed its job the
            // token yet, and the request is lost then; asking twice cancels nothing more.
            foreach (var firing in firings.Where(f => f.State == FireInstanceState.Executing))
                await _scheduler.InterruptFireInstance(firing.FireInstanceId, cancellationToken);
            if (firings.Count == 0 || _clock.GetElapsedTime(since) >= grace)
                return [.. firings.Select(f => f.JobKey?.Name ?? f.TriggerKey.Name).Distinct(StringComparer.Ordinal)];
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<Observation> Observe(JobKey key, CancellationToken cancellationToken)
    {
        // Reserved firings too: between its trigger being taken and the job starting, a firing is only reserved.
        var firings = (await _scheduler.QueryFireInstances(new FireInstanceQuery { State = null, Take = PagedQuery.All }, cancellationToken)).Items;
        var triggers = (await _scheduler.QueryTriggers(new TriggerQuery { Job = key, Take = PagedQuery.All }, cancellationToken)).Items;
        var dueBy = _clock.GetUtcNow() + (Limit - Elapsed);
        var started = firings.Where(f => f.State == FireInstanceState.Executing && key.Equals(f.JobKey)).Select(f => (DateTimeOffset?)f.FireTimeUtc).Min();
        // Blocked: waits for another run of the job to end; Awaiting: for another trigger's firing. Both will fire.
        var due = triggers.Any(t => t.State is TriggerState.Blocked or TriggerState.Executing or TriggerState.Awaiting
            || (t.State == TriggerState.Normal && t.NextFireTimeUtc <= dueBy));
        var next = triggers.Where(t => t.State is TriggerState.Normal or TriggerState.Blocked).Select(t => t.NextFireTimeUtc).Min();
        return new Observation(firings.Count > 0, due, started, next);
    }

    private readonly record struct Observation(bool Busy, bool Due, DateTimeOffset? StartedAt, DateTimeOffset? NextFireAt);
}
