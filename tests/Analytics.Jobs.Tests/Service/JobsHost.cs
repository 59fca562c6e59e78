using Analytics.Jobs.Operations;
using Analytics.Jobs.Service;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Analytics.Jobs.Tests.Service;

/// <summary>The service's jobs on a Hangfire server in a host of their own, as `analytics serve` starts them, with ways to follow their runs.</summary>
public sealed class JobsHost : IDisposable
{
    private readonly IHost _host;

    private JobsHost(IHost host) => _host = host;

    public static JobsHost Start(ServiceSettings settings, TimeProvider? clock = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddAnalyticsJobs(settings, clock ?? TimeProvider.System);
        var host = builder.Build();
        host.Start();
        return new JobsHost(host);
    }

    public IServiceProvider Services => _host.Services;

    public JobStorage Storage => Services.GetRequiredService<JobStorage>();

    public JobControl Control => Services.GetRequiredService<JobControl>();

    public IBackgroundJobClient Client => Services.GetRequiredService<IBackgroundJobClient>();

    /// <summary>The run's state now (Enqueued, Processing, Succeeded, Failed, Scheduled, …), or null.</summary>
    public StateData? State(string id)
    {
        using var connection = Storage.GetConnection();
        return connection.GetStateData(id);
    }

    /// <summary>Waits until the run is in one of <paramref name="states"/>; returns its state data.</summary>
    public async Task<StateData> WaitFor(string id, TimeSpan limit, params string[] states)
    {
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            var state = State(id);
            if (state is not null && states.Contains(state.Name)) return state;
            if (DateTime.UtcNow > until) throw new TimeoutException($"run {id} is {state?.Name ?? "missing"}, not {string.Join("/", states)}, after {limit}");
            await Task.Delay(50);
        }
    }

    /// <summary>The run of the next step the run created (ingest → refresh → publish), or null.</summary>
    public string? Next(string id)
    {
        using var connection = Storage.GetConnection();
        return JobChain.NextOf(connection, id);
    }

    public async Task Stop() => await _host.StopAsync();

    public void Dispose() => _host.Dispose();
}
