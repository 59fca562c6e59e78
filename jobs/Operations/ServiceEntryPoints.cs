namespace Analytics.Jobs.Operations;

/// <summary>
/// What the command line starts of the service without knowing how it is built: serve until cancelled
/// (`analytics serve`), and run the demo's chain in this process (`analytics demo`). The composition
/// root (jobs/Program.cs) installs them before any command runs.
/// </summary>
/// <param name="Serve">Runs the jobs and the pages until Ctrl+C or the token.</param>
/// <param name="RunDemo">Runs the demo's jobs on an in-memory job store and reports each as it ends.</param>
public sealed record ServiceEntryPoints(
    Action<ServiceSettings, TimeProvider, CancellationToken> Serve,
    Func<DemoRequest, DemoResult> RunDemo)
{
    private static ServiceEntryPoints? _installed;

    public static void Install(ServiceEntryPoints entryPoints) => _installed = entryPoints;

    public static ServiceEntryPoints Current =>
        _installed ?? throw new InvalidOperationException("The service's entry points are not installed: jobs/Program.cs installs them at start.");
}

/// <summary>
/// The demo's chain: ingest now (continued with refresh and publish when it loaded something), then
/// reminders and the monthly and annual reports run now, each awaited in turn within one time limit.
/// </summary>
/// <param name="Settings">The service's settings for the demo (its folders, the memory store).</param>
/// <param name="Clock">The demo's clock.</param>
/// <param name="Timeout">The longest the waits may take, all the jobs together.</param>
/// <param name="Waiting">Called before the wait for each job begins.</param>
/// <param name="Finished">Called with each job's run as it ends.</param>
/// <param name="IngestProgress">The ingest's files done of files waiting, while it runs.</param>
public sealed record DemoRequest(
    ServiceSettings Settings,
    TimeProvider Clock,
    TimeSpan Timeout,
    Action<string>? Waiting = null,
    Action<DemoRun>? Finished = null,
    IProgress<(int Done, int Total)>? IngestProgress = null);

/// <summary>
/// The runs of the demo's jobs in order; the last one failed or was given up on when <see cref="Ok"/>
/// is false. <see cref="Unstopped"/> names the jobs still running after being asked to stop.
/// </summary>
public sealed record DemoResult(IReadOnlyList<DemoRun> Runs, IReadOnlyList<string> Unstopped)
{
    public bool Ok => Runs.Count > 0 && Runs.All(r => r.Ok);
}
