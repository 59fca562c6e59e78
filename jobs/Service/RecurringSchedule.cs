using Analytics.Jobs.Operations;
using Hangfire;
using Hangfire.Storage;

namespace Analytics.Jobs.Service;

/// <summary>
/// The service's recurring jobs, one per name in <see cref="ServiceJobs"/> (the name is the recurring id),
/// with cron from the settings in the configured time zone. Refresh and publish, and a job whose cron is
/// empty, are registered with a cron that never fires, so each can still be run now by name.
/// Pausing sets that never-firing cron and records the name in a set in the job store, so a pause holds on
/// every node and across restarts; resuming puts the configured cron back.
/// Missed runs: <see cref="MisfireHandlingMode.Relaxed"/> — a run due while the service was down runs once
/// when it is back, however many were missed; the jobs compute the period they cover from the time they
/// run, not from the missed occurrence (ReportOperation).
/// </summary>
public sealed class RecurringSchedule(ServiceSettings settings, IRecurringJobManagerV2 recurring, IBackgroundJobClient jobs, JobStorage storage)
{
    /// <summary>The store's set of paused job names.</summary>
    public const string PausedSet = "analytics:paused";

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);

    /// <summary>Registers every job (at each start): a changed cron takes effect, an unchanged one keeps its next run, so missed runs are seen.</summary>
    public void Apply()
    {
        var paused = Paused();
        foreach (var name in ServiceJobs.All) Register(name, paused.Contains(name) ? Cron.Never() : CronOf(name));
    }

    /// <summary>The configured cron, or one that never fires for a job with none (it runs after another, or on demand).</summary>
    public string CronOf(string name)
    {
        var cron = name switch
        {
            ServiceJobs.Ingest => settings.Schedules.Ingest,
            ServiceJobs.Reminders => settings.Schedules.Reminders,
            ServiceJobs.MonthlyReport => settings.Schedules.MonthlyReport,
            ServiceJobs.AnnualReport => settings.Schedules.AnnualReport,
            _ => null,
        };
        return string.IsNullOrWhiteSpace(cron) ? Cron.Never() : cron.Trim();
    }

    /// <summary>Whether the job has a schedule of its own (refresh and publish follow ingest instead).</summary>
    public bool Scheduled(string name) => CronOf(name) != Cron.Never();

    public JobControl Control() => new(RunNow, Pause, Resume, Paused);

    /// <summary>Runs the job now, on the queue every node works; its schedule is unchanged.</summary>
    public string RunNow(string name) => name switch
    {
        ServiceJobs.Ingest => jobs.Enqueue<IngestJob>(j => j.Run(null, CancellationToken.None)),
        ServiceJobs.Refresh => jobs.Enqueue<RefreshJob>(j => j.Run(null, CancellationToken.None)),
        ServiceJobs.Publish => jobs.Enqueue<PublishJob>(j => j.Run(null, CancellationToken.None)),
        ServiceJobs.Reminders => jobs.Enqueue<RemindersJob>(j => j.Run(CancellationToken.None)),
        ServiceJobs.MonthlyReport => jobs.Enqueue<MonthlyReportJob>(j => j.Run(CancellationToken.None)),
        ServiceJobs.AnnualReport => jobs.Enqueue<AnnualReportJob>(j => j.Run(CancellationToken.None)),
        _ => throw new ArgumentException($"no such job: {name}", nameof(name)),
    };

    public void Pause(string name)
    {
        Known(name);
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.AddToSet(PausedSet, name);
        transaction.Commit();
        Register(name, Cron.Never());
    }

    public void Resume(string name)
    {
        Known(name);
        using (var connection = storage.GetConnection())
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.RemoveFromSet(PausedSet, name);
            transaction.Commit();
        }
        Register(name, CronOf(name));
    }

    public IReadOnlySet<string> Paused()
    {
        using var connection = storage.GetConnection();
        return connection.GetAllItemsFromSet(PausedSet);
    }

    private static void Known(string name)
    {
        if (!ServiceJobs.All.Contains(name)) throw new ArgumentException($"no such job: {name}", nameof(name));
    }

    private void Register(string name, string cron)
    {
        var options = new RecurringJobOptions { TimeZone = _zone, MisfireHandling = MisfireHandlingMode.Relaxed };
        switch (name)
        {
            case ServiceJobs.Ingest: recurring.AddOrUpdate<IngestJob>(name, j => j.Run(null, CancellationToken.None), cron, options); break;
            case ServiceJobs.Refresh: recurring.AddOrUpdate<RefreshJob>(name, j => j.Run(null, CancellationToken.None), cron, options); break;
            case ServiceJobs.Publish: recurring.AddOrUpdate<PublishJob>(name, j => j.Run(null, CancellationToken.None), cron, options); break;
            case ServiceJobs.Reminders: recurring.AddOrUpdate<RemindersJob>(name, j => j.Run(CancellationToken.None), cron, options); break;
            case ServiceJobs.MonthlyReport: recurring.AddOrUpdate<MonthlyReportJob>(name, j => j.Run(CancellationToken.None), cron, options); break;
            case ServiceJobs.AnnualReport: recurring.AddOrUpdate<AnnualReportJob>(name, j => j.Run(CancellationToken.None), cron, options); break;
            default: throw new ArgumentException($"no such job: {name}", nameof(name));
        }
    }
}
