namespace Analytics.Jobs.Scheduling;

/// <summary>Why a bounded wait for a job's run gave up.</summary>
public enum JobStall
{
    /// <summary>Nothing runs it or will fire it in time, and the history has no run of it: it is not coming.</summary>
    NeverRan,

    /// <summary>A trigger for it was still waiting to fire when the time was up.</summary>
    NotStarted,

    /// <summary>It started and was still running when the time was up.</summary>
    NeverFinished,
}
