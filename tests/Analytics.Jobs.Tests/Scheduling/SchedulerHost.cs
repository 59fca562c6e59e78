using Analytics.Jobs.Operations;
using Analytics.Jobs.Scheduling;
using Microsoft.Extensions.Hosting;

namespace Analytics.Jobs.Tests.Scheduling;

/// <summary>The service's scheduler, started in a host of its own as `analytics serve` starts it.</summary>
public static class SchedulerHost
{
    public static IHost Start(ServiceSettings settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAnalyticsScheduler(settings, TimeProvider.System);
        var host = builder.Build();
        host.Start();
        return host;
    }
}
