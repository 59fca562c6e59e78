namespace Analytics.Jobs.Operations;

/// <summary>
/// The service's jobs by the names the settings, the Jobs page, the Dashboard and the demo use. The
/// name is also the job's recurring id in Hangfire, so "run now" and pause act on it by name.
/// </summary>
public static class ServiceJobs
{
    public const string Ingest = "ingest";
    public const string Refresh = "refresh";
    public const string Publish = "publish";
    public const string Reminders = "reminders";
    public const string MonthlyReport = "monthly-report";
    public const string AnnualReport = "annual-report";

    /// <summary>The order the Jobs page lists them in.</summary>
    public static readonly IReadOnlyList<string> All = [Ingest, Refresh, Publish, Reminders, MonthlyReport, AnnualReport];

    /// <summary>The job a successful run of <paramref name="job"/> continues with (ingest → refresh → publish), or null.</summary>
    public static string? Next(string job) => job switch
    {
        Ingest => Refresh,
        Refresh => Publish,
        _ => null,
    };

    /// <summary>The job whose successful run continues with <paramref name="job"/>, or null.</summary>
    public static string? Previous(string job) => job switch
    {
        Refresh => Ingest,
        Publish => Refresh,
        _ => null,
    };

    public static (string Vi, string En) Label(string name) => name switch
    {
        Ingest => ("Nạp báo cáo từ hộp thư đến", "Ingest the inbox"),
        Refresh => ("Tính lại số liệu", "Refresh metrics"),
        Publish => ("Công bố bản sao chỉ đọc và Parquet", "Publish read-only snapshot and Parquet"),
        Reminders => ("Danh sách đơn vị nộp muộn, chưa nộp", "Late and missing units"),
        MonthlyReport => ("Báo cáo tháng", "Monthly report"),
        AnnualReport => ("Báo cáo năm", "Annual report"),
        _ => (name, name),
    };
}
