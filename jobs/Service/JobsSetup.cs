using Analytics.Jobs.Operations;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Jobs.Service;

/// <summary>
/// Registers the service's jobs on Hangfire: the store the settings name, a server working every queue,
/// retries with backoff, the single writer, and the recurring schedule.
/// Everything Hangfire would otherwise take from its process-wide defaults (the store, the activator, the
/// filters) is given per host, so two hosts in one process (tests) each keep their own.
/// </summary>
public static class JobsSetup
{
    private static readonly Lock Once = new();

    /// <summary>Hangfire's warnings and errors, on standard error, for the life of the process.</summary>
    private static readonly ILoggerFactory ProcessLog = LoggerFactory.Create(b => b
        .SetMinimumLevel(LogLevel.Warning)
        .AddSimpleConsole(o => o.SingleLine = true)
        .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
    private static bool _globalsSet;

    public static IServiceCollection AddAnalyticsJobs(this IServiceCollection services, ServiceSettings settings, TimeProvider clock)
    {
        SetGlobals();
        services.AddSingleton(settings);
        services.AddSingleton(clock);
        services.AddSingleton(new WarehouseGate(settings, clock));
        services.AddSingleton<WarehouseWriter>();
        services.AddSingleton<JobProgress>();
        services.AddSingleton(sp =>
        {
            if (settings.Store == JobStore.Sqlite && SqliteRecovery.HandBack(Path.GetFullPath(settings.SqlitePath)) is var handed and > 0)
                sp.GetRequiredService<ILoggerFactory>().CreateLogger("Analytics.Jobs").LogWarning("{Count} job(s) cut short by the previous process handed back to the queue", handed);
            return JobStore.Create(settings);
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        var running = new RunningJobs();
        services.AddSingleton(running);
        services.AddSingleton<IJobFilterProvider>(new JobFilterProviderCollection(JobFilterProviders.Providers, Filters(settings, running)));
        // Hangfire logs through one process-wide provider; a host's own logger factory would be disposed with
        // the host while later hosts of the process (tests) still log through it.
        services.AddHangfire(c => c.UseLogProvider(new AspNetCoreLogProvider(ProcessLog)));
        services.AddHangfireServer((_, o) =>
        {
            if (settings.InstanceId != "AUTO") o.ServerName = settings.InstanceId;
            o.WorkerCount = Math.Max(1, settings.Workers);
            o.Queues = JobQueues.All;
            o.SchedulePollingInterval = TimeSpan.FromSeconds(settings.PollSeconds);
            // A node that stops beating is taken off the server list after three missed beats.
            o.HeartbeatInterval = TimeSpan.FromSeconds(settings.ClusterCheckinSeconds);
            o.ServerTimeout = TimeSpan.FromSeconds(3 * settings.ClusterCheckinSeconds);
            o.ServerCheckInterval = TimeSpan.FromSeconds(settings.ClusterCheckinSeconds);
            // A deleted job's token fires within this; the demo relies on it to stop a job it gave up on.
            o.CancellationCheckInterval = TimeSpan.FromSeconds(1);
        });
        services.AddSingleton<RecurringSchedule>();
        services.AddSingleton(sp => sp.GetRequiredService<RecurringSchedule>().Control());
        // Before the Hangfire server's hosted service: the schedule is in place when it starts fetching.
        services.Insert(0, ServiceDescriptor.Singleton<Microsoft.Extensions.Hosting.IHostedService, ScheduleAtStart>());
        return services;
    }

    /// <summary>This host's retry policy and the writer's reschedule; Hangfire's global retry (10 attempts) is removed.</summary>
    private static JobFilterCollection Filters(ServiceSettings settings, RunningJobs running)
    {
        var filters = new JobFilterCollection
        {
            running,
            new WarehouseBusyFilter(TimeSpan.FromSeconds(Math.Max(1, 2 * settings.PollSeconds))),
            new AutomaticRetryAttribute
            {
                Attempts = Math.Max(0, settings.Retry.Attempts - 1),
                DelayInSecondsByAttemptFunc = retry => (int)Math.Ceiling(settings.Retry.DelayBefore((int)retry).TotalSeconds),
                OnAttemptsExceeded = AttemptsExceededAction.Fail,
            },
        };
        return filters;
    }

    /// <summary>What Hangfire keeps process-wide: the serializer (the same for every host) and no global retry filter.</summary>
    private static void SetGlobals()
    {
        lock (Once)
        {
            if (_globalsSet) return;
            GlobalConfiguration.Configuration
                .UseLogProvider(new AspNetCoreLogProvider(ProcessLog))
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            foreach (var retry in GlobalJobFilters.Filters.Where(f => f.Instance is AutomaticRetryAttribute).ToList()) GlobalJobFilters.Filters.Remove(retry.Instance);
            _globalsSet = true;
        }
    }
}
