using Analytics.Jobs.Operations;

namespace Analytics.Jobs.Tests.Service;

/// <summary>A private warehouse, inbox and output folder for one test, removed after.</summary>
public sealed class ServiceFolder : IDisposable
{
    public ServiceFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "analytics-jobs-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(Root);
        Settings = new ServiceSettings
        {
            Db = Path.Combine(Root, "warehouse.duckdb"),
            Inbox = Path.Combine(Root, "inbox"),
            Output = Path.Combine(Root, "out"),
            Store = "memory",
            Schedules = new ScheduleSettings { Ingest = "", Reminders = "" },
            Retry = new RetrySettings { Attempts = 3, FirstDelaySeconds = 1 },
            PollSeconds = 0.2,
        };
        Directory.CreateDirectory(Settings.Inbox);
    }

    public string Root { get; }

    public ServiceSettings Settings { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
