namespace Analytics.Jobs.Operations;

/// <summary>
/// What the pages may do to the service's jobs, by name (<see cref="ServiceJobs"/>): run one now, and
/// pause or resume its schedule. The service supplies it; the pages call it without knowing how jobs
/// are stored or scheduled.
/// </summary>
/// <param name="RunNow">Runs the job now (the ingest continues with refresh and publish as on schedule); returns the new run's id.</param>
/// <param name="Pause">Stops the job's schedule on every node until resumed; running it now still works.</param>
/// <param name="Resume">Puts the job's configured schedule back.</param>
/// <param name="Paused">The jobs paused now.</param>
public sealed record JobControl(
    Func<string, string> RunNow,
    Action<string> Pause,
    Action<string> Resume,
    Func<IReadOnlySet<string>> Paused);
