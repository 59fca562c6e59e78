using Quartz;

namespace Analytics.Jobs.Scheduling;

/// <summary>The service's jobs, by the names the page, the history and the settings use.</summary>
public static class JobNames
{
    public const string Group = "analytics";
    public const string Ingest = "ingest";
    public const string Refresh = "refresh";
    public const string Publish = "publish";
    public const string Reminders = "reminders";
    public const string MonthlyReport = "monthly-report";
    public const string AnnualReport = "annual-report";

    public static JobKey Key(string name) => new(name, Group);

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
