using Analytics.Jobs.Operations;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Analytics.Jobs.Scheduling;

/// <summary>Registers the scheduler, its store and the service's jobs and triggers.</summary>
public static class SchedulerSetup
{
    /// <summary>The instance id of a service that is not clustered (sqlite or memory store).</summary>
    public const string SingleNodeId = "single-node";

    public static IServiceCollection AddAnalyticsScheduler(this IServiceCollection services, ServiceSettings settings, TimeProvider clock)
    {
        services.AddSingleton(settings);
        services.AddSingleton(clock);
        services.AddSingleton(new WarehouseGate(settings, clock));
        services.AddSingleton(new JobHistory(settings.HistoryPath));
        services.AddSingleton(new JobProgress());
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone);

        services.Configure<QuartzOptions>(options =>
        {
            // Triggers declared here are stored again at each start; keeping each one's next fire time
            // relative to the stored trigger is what lets runs missed while the service was down still fire.
            options.Scheduling.OverwriteExistingData = true;
            options.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true;
        });
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = "analytics";
                // A single node keeps one name across restarts: at start Quartz recovers only the runs cut
                // short under its own instance id, and AUTO would invent a new id at every start.
                s.InstanceId = settings.Store != "postgres" && settings.InstanceId == "AUTO" ? SingleNodeId : settings.InstanceId;
            });
            q.UseTimeProvider(clock);
            q.UseDefaultThreadPool(2);
            switch (settings.Store)
            {
                case "memory":
                    q.UseInMemoryStore();
                    break;
                case "sqlite":
                    q.UsePersistentStore(s =>
                    {
                        s.UseSqlite(settings.ResolvedStoreConnection);
                        s.UseSystemTextJsonSerializer();
                        s.ProvisionSchema();
                    });
                    break;
                case "postgres":
                    q.UsePersistentStore(s =>
                    {
                        s.UsePostgres(settings.StoreConnection ?? throw new InvalidOperationException("Analytics:StoreConnection is required for the postgres store."));
                        s.UseSystemTextJsonSerializer();
                        s.ProvisionSchema();
                        s.UseClustering(c =>
                        {
                            c.CheckinInterval = TimeSpan.FromSeconds(settings.ClusterCheckinSeconds);
                            c.CheckinMisfireThreshold = TimeSpan.FromSeconds(settings.ClusterCheckinSeconds);
                        });
                    });
                    break;
                default:
                    throw new InvalidOperationException($"Analytics:Store must be sqlite, memory or postgres, not '{settings.Store}'.");
            }

            AddJob<IngestJob>(q, JobNames.Ingest, settings.Schedules.Ingest, timeZone);
            AddJob<RefreshJob>(q, JobNames.Refresh, null, timeZone);
            AddJob<PublishJob>(q, JobNames.Publish, null, timeZone);
            AddJob<RemindersJob>(q, JobNames.Reminders, settings.Schedules.Reminders, timeZone);
            AddJob<MonthlyReportJob>(q, JobNames.MonthlyReport, settings.Schedules.MonthlyReport, timeZone);
            AddJob<AnnualReportJob>(q, JobNames.AnnualReport, settings.Schedules.AnnualReport, timeZone);
            q.AddJobListener(sp => new JobRunListener(settings, sp.GetRequiredService<JobHistory>(), clock));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static void AddJob<T>(IQuartzBuilder q, string name, string? cron, TimeZoneInfo timeZone) where T : IJob
    {
        // RequestRecovery: a run cut short by a dead process (or a dead cluster node) is run again from
        // the start at restart or by another node; every job is idempotent, so that is safe.
        q.AddJob<T>(j => j.WithIdentity(JobNames.Key(name)).StoreDurably().RequestRecovery());
        if (string.IsNullOrWhiteSpace(cron)) return;
        q.AddTrigger(t => t
            .ForJob(JobNames.Key(name))
            .WithIdentity(name + "-schedule", JobNames.Group)
            .WithCronSchedule(cron, c => c.InTimeZone(timeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }
}
