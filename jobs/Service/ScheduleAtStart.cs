using Microsoft.Extensions.Hosting;

namespace Analytics.Jobs.Service;

/// <summary>Registers the recurring jobs when the host starts, before its Hangfire server starts fetching.</summary>
public sealed class ScheduleAtStart(RecurringSchedule schedule) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        schedule.Apply();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
