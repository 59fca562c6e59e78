using Analytics.Jobs.Operations;
using Analytics.Jobs.Scheduling;
using Analytics.Jobs.Tests.Scheduling;
using Xunit.Abstractions;

namespace Analytics.Jobs.Tests.Cluster;

public sealed class ClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);

    [SkippableFact]
    public async Task Two_serve_nodes_on_postgres_fire_each_tick_once_and_a_node_that_dies_is_taken_over_with_its_run_in_flight()
    {
        var bin = LocalPostgres.FindBin();
        Prerequisite.PostgreSql(bin is null ? "PostgreSQL is not installed (/usr/lib/postgresql/*/bin)" : null);
        using var postgres = await LocalPostgres.Start(bin!);
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        SmallRegistry.Load(s);
        Dictionary<string, string> Node(string id, bool dieMidLoad)
        {
            var env = new Dictionary<string, string>
            {
                ["Analytics__Inbox"] = s.Inbox,
                ["Analytics__Output"] = s.Output,
                ["Analytics__Store"] = "postgres",
                ["Analytics__StoreConnection"] = postgres.ConnectionString,
                ["Analytics__InstanceId"] = id,
                ["Analytics__ClusterCheckinSeconds"] = "2",
                ["Analytics__Schedules__Ingest"] = "0/2 * * * * ?",
                ["Analytics__Schedules__Reminders"] = "",
            };
            if (dieMidLoad) env["ANALYTICS_FAULT"] = "ingest-mid-write";
            return env;
        }
        var history = new JobHistory(s.HistoryPath);

        // Both nodes die (as with kill -9) in the middle of their next load; until a file arrives they work normally.
        using var a = new ServeProcess(s.Db, FreePort.Next(), Node("node-a", dieMidLoad: true));
        await a.WaitUntilServing(TimeSpan.FromSeconds(60));
        using var b = new ServeProcess(s.Db, FreePort.Next(), Node("node-b", dieMidLoad: true));
        await b.WaitUntilServing(TimeSpan.FromSeconds(60));

        // Both nodes up: every tick of the recurring ingest fires once across the cluster.
        var watchFrom = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(10));
        var watchTo = DateTimeOffset.UtcNow - Tick;
        var both = Ticks(history, watchFrom, watchTo);
        output.WriteLine("both up: " + string.Join(", ", both.Select(t => $"{t.Key:HH:mm:ss} {string.Join('+', t.Value)}")));
        Assert.True(both.Count >= 4, $"only {both.Count} ticks in 10 s\n{a.Output}\n{b.Output}");
        Assert.All(both, t => Assert.Single(t.Value));
        AssertNoGap(both.Keys);

        // The node that fired the last tick is killed: the other notices its silence after the check-in
        // interval and keeps the schedule going on its own, still once per tick.
        var (killed, survivor, survivorName) = both.Last().Value[0] == "node-a" ? (a, b, "node-b") : (b, a, "node-a");
        killed.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        await WaitUntil(() => Ticks(history, killedAt + TimeSpan.FromSeconds(6), DateTimeOffset.MaxValue).Count >= 2, TimeSpan.FromSeconds(30));
        output.WriteLine($"{(killed == a ? "node-a" : "node-b")} killed at {killedAt:HH:mm:ss.fff}; runs since: " + string.Join(", ", history.For(JobNames.Ingest)
            .Where(r => r.StartedAt > killedAt - Tick).Select(r => $"{r.ScheduledAt:HH:mm:ss.fff}@{r.StartedAt:HH:mm:ss.fff} {r.Node}{(r.Recovered ? " recovered" : "")}")));
        // No tick is lost in the take-over: those due while node a was being declared dead fire late, once each.
        var alone = Ticks(history, killedAt, DateTimeOffset.UtcNow - Tick);
        output.WriteLine("after the kill: " + string.Join(", ", alone.Select(t => $"{t.Key:HH:mm:ss} {string.Join('+', t.Value)}")));
        Assert.True(alone.Count >= 3, $"the schedule stopped with the killed node\n{survivor.Output}");
        Assert.All(alone, t => Assert.Equal([survivorName], t.Value));
        AssertNoGap(alone.Keys);

        // A file arrives; the surviving node dies halfway through loading it.
        File.WriteAllText(Path.Combine(s.Inbox, "q1.csv"), "unit_code,period,indicator,value\nGLM-SOE,2024-Q1,workers,120\nGLM-SOE,2024-Q1,members,100\n");
        Assert.True(await survivor.WaitForExit(TimeSpan.FromSeconds(30)), $"{survivorName} did not reach the fault");
        Assert.NotEqual(0, survivor.ExitCode);
        Assert.True(File.Exists(Path.Combine(s.Inbox, "q1.csv")), "the file left the inbox although its load died");

        // Node c joins: it takes over the dead node's run in flight (run again from the start) and loads the file once.
        using var c = new ServeProcess(s.Db, FreePort.Next(), Node("node-c", dieMidLoad: false));
        await c.WaitUntilServing(TimeSpan.FromSeconds(60));
        await WaitUntil(() => history.For(JobNames.Ingest).Any(r => r.Recovered && r.Node == "node-c")
            && history.For(JobNames.Publish).Any(r => r.Node == "node-c"), TimeSpan.FromSeconds(40));
        c.Kill();
        Assert.Contains(history.For(JobNames.Ingest), r => r.Recovered && r.Node == "node-c" && r.Result == JobRun.Ok);
        Assert.True(File.Exists(Path.Combine(s.Inbox, InboxIngest.ProcessedFolder, "q1.csv")));
        Assert.Equal((1L, 2L), SmallRegistry.Count(s, "GLM-SOE", "2024-Q1"));
        var result = Assert.Single(InboxIngest.All(s));
        Assert.Equal(SubmissionResult.Accepted, result.Status);
    }

    /// <summary>The ingest runs scheduled in [from, to], by scheduled time, with the nodes that ran each.</summary>
    private static SortedDictionary<DateTimeOffset, List<string>> Ticks(JobHistory history, DateTimeOffset from, DateTimeOffset to)
    {
        var ticks = new SortedDictionary<DateTimeOffset, List<string>>();
        foreach (var run in history.For(JobNames.Ingest).Where(r => !r.Recovered && r.Attempt == 1 && r.ScheduledAt is { } at && at >= from && at <= to))
        {
            if (!ticks.TryGetValue(run.ScheduledAt!.Value, out var nodes)) ticks[run.ScheduledAt.Value] = nodes = [];
            nodes.Add(run.Node);
        }
        return ticks;
    }

    private static void AssertNoGap(IEnumerable<DateTimeOffset> ticks)
    {
        var list = ticks.ToList();
        for (var i = 1; i < list.Count; i++) Assert.Equal(Tick, list[i] - list[i - 1]);
    }

    private static async Task WaitUntil(Func<bool> done, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (!done() && DateTime.UtcNow < until) await Task.Delay(250);
    }
}
