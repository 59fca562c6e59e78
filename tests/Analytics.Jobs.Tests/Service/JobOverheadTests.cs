using System.Globalization;
using Analytics.Jobs.Operations;
using Xunit.Abstractions;

namespace Analytics.Jobs.Tests.Service;

/// <summary>
/// What a job costs in Hangfire before it starts: from "run now" (the job created and queued) to its
/// method starting, as Hangfire records it (the Latency of the succeeded state), on each single-node store.
/// docs/benchmarks.md, "Jobs on Hangfire", quotes the figures this prints.
/// </summary>
public sealed class JobOverheadTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("memory", 0.2)]
    [InlineData("sqlite", 0.2)]
    [InlineData("sqlite", 1.0)]
    public async Task A_job_starts_within_one_queue_poll_of_being_run_now(string store, double pollSeconds)
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        s.Store = store;
        s.PollSeconds = pollSeconds;
        using var host = JobsHost.Start(s);
        // One warm-up run (the warehouse created, the code compiled), then runs one after another.
        await host.WaitFor(host.Control.RunNow(ServiceJobs.Reminders), TimeSpan.FromSeconds(60), "Succeeded");
        var latencies = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var state = await host.WaitFor(host.Control.RunNow(ServiceJobs.Reminders), TimeSpan.FromSeconds(60), "Succeeded");
            latencies.Add(double.Parse(state.Data["Latency"], CultureInfo.InvariantCulture));
        }
        await host.Stop();
        latencies.Sort();
        var median = latencies[latencies.Count / 2];
        output.WriteLine(FormattableString.Invariant($"{store}, poll {pollSeconds} s: enqueue to start median {median:0.#} ms, min {latencies[0]:0.#} ms, max {latencies[^1]:0.#} ms (20 runs)"));
        Assert.InRange(median, 0, 1000 * pollSeconds + 250);
    }
}
