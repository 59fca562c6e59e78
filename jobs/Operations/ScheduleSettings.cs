namespace Analytics.Jobs.Operations;

/// <summary>
/// Cron expressions of the recurring jobs, in the service's time zone: six fields with seconds first
/// (a trailing ? is accepted), or the usual five. Empty turns a job's schedule off (it can still run now).
/// </summary>
public sealed class ScheduleSettings
{
    /// <summary>Look in the inbox every minute.</summary>
    public string Ingest { get; set; } = "0 * * * * ?";

    /// <summary>Quarterly reports are due before the 15th; the monthly report runs the morning after.</summary>
    public string MonthlyReport { get; set; } = "0 0 6 16 * ?";

    /// <summary>The year's reports are due before 15 January.</summary>
    public string AnnualReport { get; set; } = "0 0 6 15 1 ?";

    /// <summary>Late and missing units, the morning after each deadline.</summary>
    public string Reminders { get; set; } = "0 30 6 16 * ?";
}
