namespace Analytics.Jobs.Scheduling;

/// <summary>One run of a job as kept in the history file: the Jobs page's rows. Recovered: a run again of one cut short by a dead process or node.</summary>
public sealed record JobRun(
    string Job,
    string FireId,
    DateTimeOffset? ScheduledAt,
    DateTimeOffset StartedAt,
    double Seconds,
    string Result,
    string? Error,
    string? Summary,
    int Attempt,
    string Node,
    bool Recovered = false,
    string? SummaryEn = null)
{
    public const string Ok = "ok";
    public const string Failed = "failed";

    /// <summary>Failed, and another attempt is scheduled.</summary>
    public const string Retrying = "retrying";

    /// <summary>How the page names a result code (the codes themselves stay in the history file).</summary>
    public static (string Vi, string En) Label(string result) => result switch
    {
        Ok => ("thành công", "succeeded"),
        Failed => ("lỗi", "failed"),
        Retrying => ("lỗi, sẽ thử lại", "failed, will retry"),
        _ => (result, result),
    };
}
