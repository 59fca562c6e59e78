using Microsoft.Extensions.Configuration;

namespace Analytics.Jobs.Operations;

/// <summary>
/// What `analytics serve` reads from the "Analytics" section of appsettings.json, overridden by
/// environment variables (Analytics__Port=5090, Analytics__Schedules__MonthlyReport=…) and, for the
/// warehouse path, by --db / ANALYTICS_DB. Relative paths are taken from the current folder.
/// </summary>
public sealed class ServiceSettings
{
    public string Db { get; set; } = Analytics.Warehouse.Warehouse.DefaultPath;

    /// <summary>Where submissions are dropped; each file is processed once and moved to processed/ or refused/.</summary>
    public string Inbox { get; set; } = "./data/inbox";

    /// <summary>Published snapshots, reports, reminders and per-file results.</summary>
    public string Output { get; set; } = "./data/out";

    public string Bind { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 5080;

    /// <summary>
    /// Where Hangfire keeps the jobs: sqlite (default: jobs.sqlite beside the warehouse, one node),
    /// postgres (several nodes on one database), or memory (the demo and tests; gone at exit).
    /// </summary>
    public string Store { get; set; } = "sqlite";

    /// <summary>For postgres, its connection string (required); for sqlite, the file (default jobs.sqlite beside the warehouse).</summary>
    public string? StoreConnection { get; set; }

    /// <summary>This node's name among the servers (AUTO: the host name and process id).</summary>
    public string InstanceId { get; set; } = "AUTO";

    /// <summary>
    /// How often a node tells the store it is alive; a node silent for three times this is taken off
    /// the server list (its jobs are taken over after <see cref="InvisibilityTimeoutSeconds"/>).
    /// </summary>
    public int ClusterCheckinSeconds { get; set; } = 15;

    /// <summary>
    /// A job fetched by a node that stops renewing it (killed) is given to another node after this long.
    /// Live jobs renew it while they run (sliding), so a long job is never run twice.
    /// </summary>
    public int InvisibilityTimeoutSeconds { get; set; } = 30;

    /// <summary>How often an idle node looks for queued and scheduled jobs: the delay before a continuation starts.</summary>
    public double PollSeconds { get; set; } = 1;

    /// <summary>Jobs one node runs at once (each waits for the warehouse's writer lock without holding a worker).</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Cron expressions are read in this time zone (Vietnam by default).</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    public ScheduleSettings Schedules { get; set; } = new();

    /// <summary>The units the scheduled monthly and annual reports are written for (default: the national confederation).</summary>
    public string[] ReportUnits { get; set; } = ["TLD"];

    /// <summary>The units whose conference pack the annual job renders; when unset, the report units.</summary>
    public string[]? ConferenceUnits { get; set; }

    public RetrySettings Retry { get; set; } = new();

    /// <summary>
    /// The period types grassroots units report, which the reminders are about: quarters and years by
    /// default (seed 001). Months are reported by the unions above them, so a month would list every
    /// grassroots union as missing.
    /// </summary>
    public string[] ReminderPeriodTypes { get; set; } = ["quarter", "year"];

    /// <summary>Language of the published reports: vi (default) or en.</summary>
    public string Language { get; set; } = "vi";

    public bool English => string.Equals(Language, "en", StringComparison.OrdinalIgnoreCase);

    /// <summary>Users and password hashes (written by `analytics user add`); default users.json beside the warehouse.</summary>
    public string? UsersFile { get; set; }

    /// <summary>SQL page limits.</summary>
    public int SqlTimeoutSeconds { get; set; } = 10;

    public int SqlMaxRows { get; set; } = 1000;

    public string DbDirectory => Path.GetDirectoryName(Path.GetFullPath(Db)) ?? ".";

    public string UsersPath => UsersFile ?? Path.Combine(DbDirectory, "users.json");

    public string PublishedDirectory => Path.Combine(Output, "published");

    /// <summary>The read-only copy analysts and the web page query.</summary>
    public string SnapshotPath => Path.Combine(PublishedDirectory, "warehouse.duckdb");

    public string ParquetDirectory => Path.Combine(PublishedDirectory, "parquet");

    public string SubmissionsDirectory => Path.Combine(Output, "submissions");

    public string FeedbackDirectory => Path.Combine(Output, "feedback");

    public string QuarantineDirectory => Path.Combine(DbDirectory, "quarantine");

    public string RemindersDirectory => Path.Combine(Output, "reminders");

    public string ReportsDirectory => Path.Combine(Output, "reports");

    /// <summary>The SQLite job store's file.</summary>
    public string SqlitePath => StoreConnection ?? Path.Combine(DbDirectory, "jobs.sqlite");

    /// <summary>Reads the "Analytics" section; <paramref name="db"/> (from --db or ANALYTICS_DB) wins over the file.</summary>
    public static ServiceSettings From(IConfiguration configuration, string? db = null)
    {
        var settings = new ServiceSettings();
        var section = configuration.GetSection("Analytics");
        section.Bind(settings);
        // The binder appends a configured list to the default one (["TLD"] became ["TLD", "TLD"]):
        // a list that is configured replaces the default instead.
        string[]? List(string key) => section.GetSection(key).Exists() ? section.GetSection(key).Get<string[]>() ?? [] : null;
        settings.ReportUnits = List(nameof(ReportUnits)) ?? new ServiceSettings().ReportUnits;
        settings.ReminderPeriodTypes = List(nameof(ReminderPeriodTypes)) ?? new ServiceSettings().ReminderPeriodTypes;
        settings.ConferenceUnits = List(nameof(ConferenceUnits));
        if (!string.IsNullOrWhiteSpace(db)) settings.Db = db;
        return settings;
    }

    /// <summary>appsettings.json beside the executable, then environment variables.</summary>
    public static IConfiguration Load(string? baseDirectory = null) =>
        new ConfigurationBuilder()
            .SetBasePath(baseDirectory ?? AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
}
