using Analytics.Jobs.Operations;
using Analytics.Jobs.Service;
using Analytics.Jobs.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Analytics.Jobs;

/// <summary>`analytics serve` put together: the pages (Web) with the jobs and their Dashboard (Service).</summary>
public static class ServiceApp
{
    public static WebApplication Build(ServiceSettings settings, TimeProvider clock, Action<ILoggingBuilder>? logging = null) =>
        ServiceHost.Build(settings, clock, services => services.AddAnalyticsJobs(settings, clock), app => app.UseAnalyticsDashboard(), logging);

    /// <summary>What the command line starts of the service (installed by Program.cs before any command runs).</summary>
    public static ServiceEntryPoints EntryPoints { get; } = new(
        (settings, clock, cancellationToken) =>
        {
            using var app = Build(settings, clock);
            app.StartAsync(cancellationToken).GetAwaiter().GetResult();
            app.WaitForShutdownAsync(cancellationToken).GetAwaiter().GetResult();
        },
        DemoChain.Run);
}
