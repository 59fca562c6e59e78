using Analytics.Warehouse.Vocabulary;

namespace Analytics.Jobs.Operations;

/// <summary>How a job the demo waited for ended, or why the demo stopped waiting for it.</summary>
public enum DemoRunState
{
    Succeeded,

    /// <summary>It ran and failed (the demo does not retry), or it was deleted.</summary>
    Failed,

    /// <summary>Nothing will run it: the step before it finished without continuing with it.</summary>
    NeverRan,

    /// <summary>It was created but had not started when the time was up.</summary>
    NotStarted,

    /// <summary>It started and was still running when the time was up.</summary>
    NeverFinished,
}

/// <summary>One job of the demo's chain as the demo saw it: its run, or why there is none.</summary>
public sealed record DemoRun(
    string Job,
    DemoRunState State,
    TimeSpan Waited,
    double Seconds = 0,
    JobOutcome? Outcome = null,
    string? Error = null,
    DateTimeOffset? StartedAt = null,
    string? After = null)
{
    public bool Ok => State == DemoRunState.Succeeded;

    /// <summary>True when the wait gave up at the time limit (as opposed to a run that ended or could not come).</summary>
    public bool TimedOut => State is DemoRunState.NotStarted or DemoRunState.NeverFinished;

    /// <summary>Why there is no successful run, for the person who waited; null when the job succeeded.</summary>
    public string? Message(bool english)
    {
        var label = ServiceJobs.Label(Job);
        var waited = Duration(Waited, english);
        (string Vi, string En)? after = After is null ? null : ServiceJobs.Label(After);
        return (State, english) switch
        {
            (DemoRunState.Succeeded, _) => null,
            (DemoRunState.Failed, false) => $"tác vụ «{label.Vi}» ({Job}) bị lỗi: {Error}",
            (DemoRunState.Failed, true) => $"job \"{label.En}\" ({Job}) failed: {Error}",
            (DemoRunState.NeverRan, false) => $"tác vụ «{label.Vi}» ({Job}) không chạy: tác vụ «{after?.Vi}» ({After}) trước nó đã xong mà không có gì mới nên không nối tiếp nó (đã chờ {waited}).",
            (DemoRunState.NeverRan, true) => $"job \"{label.En}\" ({Job}) never ran: the job before it, \"{after?.En}\" ({After}), finished with nothing new and did not continue with it (waited {waited}).",
            (DemoRunState.NotStarted, false) => $"tác vụ «{label.Vi}» ({Job}) chưa bắt đầu sau {waited} chờ.",
            (DemoRunState.NotStarted, true) => $"job \"{label.En}\" ({Job}) had not started after waiting {waited}.",
            (DemoRunState.NeverFinished, false) => $"tác vụ «{label.Vi}» ({Job}) đã bắt đầu" + (StartedAt is { } s ? $" lúc {Time(s, false)}" : "") + $" nhưng chưa kết thúc sau {waited} chờ.",
            _ => $"job \"{label.En}\" ({Job}) started" + (StartedAt is { } s ? $" at {Time(s, true)}" : "") + $" but had not finished after waiting {waited}.",
        };
    }

    /// <summary>A wait's length as people say it, in their number format: seconds under two minutes (1,5 giây / 1.5 s), minutes above.</summary>
    public static string Duration(TimeSpan span, bool english)
    {
        var language = Languages.From(english);
        var seconds = Math.Max(0, span.TotalSeconds);
        return seconds >= 120
            ? language.Fixed(seconds / 60, 1) + Formats.Space + language.Pick("phút", "min")
            : language.Seconds(seconds);
    }

    // A start time as the person waiting reads it: in Vietnam time, with the zone named.
    private static string Time(DateTimeOffset at, bool english) => Languages.From(english).Time(at, new VietnamClock(TimeProvider.System));
}
