using System.Collections.Concurrent;
using Analytics.Jobs.Operations;
using Hangfire.Common;
using Hangfire.Server;

namespace Analytics.Jobs.Service;

/// <summary>
/// The jobs whose method is executing in this process right now, by run id. A deleted job leaves
/// Hangfire's Processing list at once while its method may still be running; this is what tells when it
/// has really returned (the demo waits on it before stopping the server).
/// </summary>
public sealed class RunningJobs : JobFilterAttribute, IServerFilter
{
    private readonly ConcurrentDictionary<string, string> _running = new(StringComparer.Ordinal);

    public void OnPerforming(PerformingContext context) =>
        _running[context.BackgroundJob.Id] = ServiceJobAttribute.Of(context.BackgroundJob.Job?.Type) ?? context.BackgroundJob.Job?.Method.Name ?? "?";

    public void OnPerformed(PerformedContext context) => _running.TryRemove(context.BackgroundJob.Id, out _);

    /// <summary>The names of the jobs running here, one per run.</summary>
    public IReadOnlyList<string> Names => [.. _running.Values];
}
