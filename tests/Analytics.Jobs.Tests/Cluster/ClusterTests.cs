using Analytics.Jobs.Operations;
using Analytics.Jobs.Service;
using Analytics.Jobs.Tests.Service;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using Xunit.Abstractions;

namespace Analytics.Jobs.Tests.Cluster;

/// <summary>
/// Several `analytics serve` nodes on one real PostgreSQL job store (a throwaway server, LocalPostgres),
/// read back from Hangfire's own tables: which tick made which run, and which node ran it.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);

    [SkippableFact]
    public async Task Nodes_on_postgres_run_each_tick_once_take_over_a_killed_nodes_run_without_loading_twice_and_all_render()
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
                ["Analytics__InvisibilityTimeoutSeconds"] = "10",
                ["Analytics__PollSeconds"] = "0.5",
                ["Analytics__Schedules__Ingest"] = "0/2 * * * * ?",
                ["Analytics__Schedules__Reminders"] = "",
            };
            if (dieMidLoad) env["ANALYTICS_FAULT"] = "ingest-mid-write";
            return env;
        }

        // Both nodes die (as with kill -9) in the middle of their next load; until a file arrives they work normally.
        // They start together: the schema is installed once, under a lock.
        using var a = new ServeProcess(s.Db, FreePort.Next(), Node("node-a", dieMidLoad: true));
        using var b = new ServeProcess(s.Db, FreePort.Next(), Node("node-b", dieMidLoad: true));
        await Task.WhenAll(a.WaitUntilServing(TimeSpan.FromSeconds(90)), b.WaitUntilServing(TimeSpan.FromSeconds(90)));
        Assert.DoesNotContain("fail", a.Output + b.Output, StringComparison.OrdinalIgnoreCase);

        // Both nodes up: every tick of the recurring ingest makes one run across the cluster.
        var watchFrom = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(12));
        var watchTo = DateTimeOffset.UtcNow - Tick;
        var both = await Ticks(postgres, watchFrom, watchTo);
        output.WriteLine("both up: " + string.Join(", ", both.Select(t => $"{t.Key:HH:mm:ss} {string.Join('+', t.Value)}")));
        Assert.True(both.Count >= 4, $"only {both.Count} ticks in 12 s\n{a.Output}\n{b.Output}");
        Assert.All(both, t => Assert.Single(t.Value));
        AssertNoGap(both.Keys);
        // Which node takes a tick is the job store's choice (the first worker to poll after it is queued), and
        // one node may take every tick; that both nodes work one queue is checked on the render queue below.

        // The node that ran the last tick is killed: the other keeps the schedule going, still once per tick.
        var (killed, survivor, survivorName) = both.Last().Value[0] == "node-a" ? (a, b, "node-b") : (b, a, "node-a");
        killed.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(10));
        var alone = await Ticks(postgres, killedAt + Tick, DateTimeOffset.UtcNow - Tick);
        output.WriteLine("after the kill: " + string.Join(", ", alone.Select(t => $"{t.Key:HH:mm:ss} {string.Join('+', t.Value)}")));
        Assert.True(alone.Count >= 3, $"the schedule stopped with the killed node\n{survivor.Output}");
        Assert.All(alone, t => Assert.Equal([survivorName], t.Value));

        // A file arrives; the surviving node dies halfway through loading it.
        File.WriteAllText(Path.Combine(s.Inbox, "q1.csv"), "unit_code,period,indicator,value\nGLM-SOE,2024-Q1,workers,120\nGLM-SOE,2024-Q1,members,100\n");
        Assert.True(await survivor.WaitForExit(TimeSpan.FromSeconds(30)), $"{survivorName} did not reach the fault");
        Assert.NotEqual(0, survivor.ExitCode);
        Assert.True(File.Exists(Path.Combine(s.Inbox, "q1.csv")), "the file left the inbox although its load died");

        // Nodes c and d join: the dead node's run is handed to one of them once its fetch times out, run
        // again from the start, and the file is loaded once; publish continues after it.
        using var c = new ServeProcess(s.Db, FreePort.Next(), Node("node-c", dieMidLoad: false));
        using var d = new ServeProcess(s.Db, FreePort.Next(), Node("node-d", dieMidLoad: false));
        await Task.WhenAll(c.WaitUntilServing(TimeSpan.FromSeconds(90)), d.WaitUntilServing(TimeSpan.FromSeconds(90)));
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        (string Id, List<string> Servers)? recovered = null;
        while (DateTime.UtcNow < until && (recovered = await RecoveredIngest(postgres, survivorName)) is null) await Task.Delay(500);
        Assert.True(recovered is not null, $"the dead node's run was not taken over\n{c.Output}\n{d.Output}");
        output.WriteLine($"run {recovered.Value.Id} ran on {string.Join(" then ", recovered.Value.Servers)}");
        Assert.Matches("node-[cd]", recovered.Value.Servers[^1]);
        while (DateTime.UtcNow < until && !File.Exists(s.SnapshotPath)) await Task.Delay(500);
        Assert.True(File.Exists(Path.Combine(s.Inbox, InboxIngest.ProcessedFolder, "q1.csv")));
        Assert.Equal((1L, 2L), SmallRegistry.Count(s, "GLM-SOE", "2024-Q1"));
        Assert.Equal(SubmissionResult.Accepted, Assert.Single(InboxIngest.All(s)).Status);

        // Rendering: report runs put on the render queue are worked by every node, each run once.
        var options = new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = false };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(postgres.ConnectionString, options), options);
        var client = new BackgroundJobClient(storage);
        var renders = Enumerable.Range(0, 12).Select(_ => client.Enqueue<MonthlyReportJob>(j => j.Run(CancellationToken.None))).ToList();
        var ran = new Dictionary<string, List<string>>();
        until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < until)
        {
            ran = await Runs(postgres, renders);
            if (renders.All(id => ran.TryGetValue(id, out var r) && r.Count > 0) && await Succeeded(postgres, renders) == renders.Count) break;
            await Task.Delay(500);
        }
        output.WriteLine("renders: " + string.Join(", ", ran.Select(r => $"{r.Key}@{string.Join('+', r.Value)}")));
        Assert.Equal(renders.Count, await Succeeded(postgres, renders));
        Assert.All(renders, id => Assert.Single(ran[id]));
        Assert.Equal(["node-c", "node-d"], ran.Values.SelectMany(v => v).Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>The node names (node-a …) of a Hangfire server id (node-a:pid:guid).</summary>
    private static string NodeOf(string serverId) => serverId.Split(':')[0];

    /// <summary>The ingest runs the recurring job made for ticks in [from, to], by tick, with the nodes that ran each.</summary>
    private static async Task<SortedDictionary<DateTimeOffset, List<string>>> Ticks(LocalPostgres postgres, DateTimeOffset from, DateTimeOffset to)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("""
            SELECT t.value, (SELECT st.data::jsonb ->> 'ServerId' FROM hangfire.state st WHERE st.jobid = t.jobid AND st.name = 'Processing' ORDER BY st.id LIMIT 1)
            FROM hangfire.jobparameter t
            JOIN hangfire.jobparameter r ON r.jobid = t.jobid AND r.name = 'RecurringJobId' AND r.value = '"ingest"'
            WHERE t.name = 'Time'
            """, connection);
        var ticks = new SortedDictionary<DateTimeOffset, List<string>>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var at = DateTimeOffset.FromUnixTimeSeconds(long.Parse(reader.GetString(0).Trim('"'), System.Globalization.CultureInfo.InvariantCulture));
            if (at < from || at > to) continue;
            if (!ticks.TryGetValue(at, out var nodes)) ticks[at] = nodes = [];
            nodes.Add(reader.IsDBNull(1) ? "(not run)" : NodeOf(reader.GetString(1)));
        }
        return ticks;
    }

    /// <summary>An ingest run started on <paramref name="dead"/> and run again to success on another node: its id and nodes in order.</summary>
    private static async Task<(string Id, List<string> Servers)?> RecoveredIngest(LocalPostgres postgres, string dead)
    {
        foreach (var (id, servers) in await Runs(postgres, null))
            if (servers.Count >= 2 && servers[0] == dead && servers[^1] != dead && await Succeeded(postgres, [id]) == 1) return (id, servers);
        return null;
    }

    /// <summary>The nodes each run was started on, in order (all runs when <paramref name="ids"/> is null).</summary>
    private static async Task<Dictionary<string, List<string>>> Runs(LocalPostgres postgres, IReadOnlyList<string>? ids)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT jobid::text, data::jsonb ->> 'ServerId' FROM hangfire.state WHERE name = 'Processing' ORDER BY id", connection);
        var runs = new Dictionary<string, List<string>>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetString(0);
            if (ids is not null && !ids.Contains(id)) continue;
            if (!runs.TryGetValue(id, out var servers)) runs[id] = servers = [];
            servers.Add(NodeOf(reader.GetString(1)));
        }
        return runs;
    }

    private static async Task<int> Succeeded(LocalPostgres postgres, IReadOnlyList<string> ids)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM hangfire.job WHERE statename = 'Succeeded' AND id::text = ANY(@ids)", connection);
        query.Parameters.AddWithValue("ids", ids.ToArray());
        return Convert.ToInt32(await query.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void AssertNoGap(IEnumerable<DateTimeOffset> ticks)
    {
        var list = ticks.ToList();
        for (var i = 1; i < list.Count; i++) Assert.Equal(Tick, list[i] - list[i - 1]);
    }
}
