using System.Globalization;

namespace Analytics.Jobs.Scheduling;

/// <summary>
/// What a bounded wait for a job saw: its finished run, or why there is none (with when it started, or
/// when its trigger is next due, when the scheduler knows).
/// </summary>
public sealed record JobWaitResult(string Job, JobRun? Run, JobStall? Stall, TimeSpan Waited, DateTimeOffset? StartedAt = null, DateTimeOffset? NextFireAt = null)
{
    /// <summary>Why there is no run, for the person who waited; null when the job ran.</summary>
    public string? Message(bool english)
    {
        if (Stall is not { } stall) return null;
        var label = JobNames.Label(Job);
        var waited = Duration(Waited, english);
        return (stall, english) switch
        {
            (JobStall.NeverRan, false) => $"tác vụ «{label.Vi}» ({Job}) không chạy: không có tác vụ nào đang chạy hay được lên lịch sẽ chạy nó, và nhật ký tác vụ không có lần chạy nào của nó (đã chờ {waited}).",
            (JobStall.NeverRan, true) => $"job \"{label.En}\" ({Job}) never ran: nothing is running or scheduled that would run it, and the job history has no run of it (waited {waited}).",
            (JobStall.NotStarted, false) => $"tác vụ «{label.Vi}» ({Job}) chưa bắt đầu sau {waited} chờ" + (NextFireAt is { } n ? $"; đến hạn chạy lúc {Time(n)}." : "."),
            (JobStall.NotStarted, true) => $"job \"{label.En}\" ({Job}) had not started after waiting {waited}" + (NextFireAt is { } n ? $"; it was due at {Time(n)}." : "."),
            (JobStall.NeverFinished, false) => $"tác vụ «{label.Vi}» ({Job}) đã bắt đầu" + (StartedAt is { } s ? $" lúc {Time(s)}" : "") + $" nhưng chưa kết thúc sau {waited} chờ.",
            _ => $"job \"{label.En}\" ({Job}) started" + (StartedAt is { } s ? $" at {Time(s)}" : "") + $" but had not finished after waiting {waited}.",
        };
    }

    /// <summary>A wait's length as people say it: seconds under two minutes, minutes above.</summary>
    public static string Duration(TimeSpan span, bool english)
    {
        var seconds = Math.Max(0, span.TotalSeconds);
        return seconds >= 120
            ? (seconds / 60).ToString("0.#", CultureInfo.InvariantCulture) + (english ? " min" : " phút")
            : seconds.ToString("0.#", CultureInfo.InvariantCulture) + (english ? " s" : " giây");
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
