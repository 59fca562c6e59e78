using Hangfire.Common;
using Hangfire.States;

namespace Analytics.Jobs.Service;

/// <summary>
/// A job that found the warehouse's writer busy goes back on the schedule a few seconds later, with its
/// retry count untouched; the retry filter after it never sees the failure.
/// </summary>
public sealed class WarehouseBusyFilter : JobFilterAttribute, IElectStateFilter
{
    /// <summary>Runs before AutomaticRetry (order 20), which would otherwise count the wait as a failed attempt.</summary>
    public const int RunsFirst = 10;

    private readonly TimeSpan _delay;

    public WarehouseBusyFilter(TimeSpan delay)
    {
        _delay = delay;
        Order = RunsFirst;
    }

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CandidateState is not FailedState failed) return;
        var exception = failed.Exception;
        while (exception is not WarehouseBusyException && exception?.InnerException is { } inner) exception = inner;
        if (exception is not WarehouseBusyException busy) return;
        context.CandidateState = new ScheduledState(_delay) { Reason = busy.Message };
    }
}
