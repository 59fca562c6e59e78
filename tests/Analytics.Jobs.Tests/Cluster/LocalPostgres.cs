using System.Diagnostics;
using Analytics.Jobs.Tests.Service;
using Npgsql;

namespace Analytics.Jobs.Tests.Cluster;

/// <summary>
/// A throwaway PostgreSQL server from Debian's package: a fresh data folder, loopback only, one
/// database, stopped and deleted on Dispose. PostgreSQL refuses to run as root, so as root the
/// server runs as the postgres user (the folder is handed to it).
/// </summary>
public sealed class LocalPostgres : IDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly string _data;
    private bool _started;

    private LocalPostgres(string bin)
    {
        _bin = bin;
        _root = Directory.CreateTempSubdirectory("analytics-pg-").FullName;
        _data = Path.Combine(_root, "data");
        Port = FreePort.Next();
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=jobs;Pooling=false;Timeout=5";

    /// <summary>The bin folder of the newest installed PostgreSQL, or null.</summary>
    public static string? FindBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    public static async Task<LocalPostgres> Start(string bin)
    {
        var server = new LocalPostgres(bin);
        try
        {
            if (Environment.UserName == "root")
            {
                Run("chown", "-R", "postgres:postgres", server._root);
                Run("chmod", "700", server._root);
            }
            server.AsServerUser("initdb", "-D", server._data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8");
            server.AsServerUser("pg_ctl", "-D", server._data, "-w", "-t", "60", "-l", Path.Combine(server._root, "log"),
                "-o", $"-p {server.Port} -k {server._root} -c listen_addresses=127.0.0.1 -c fsync=off", "start");
            server._started = true;
            await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={server.Port};Username=postgres;Database=postgres;Pooling=false");
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE jobs", connection);
            await create.ExecuteNonQueryAsync();
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private void AsServerUser(string tool, params string[] args)
    {
        var exe = Path.Combine(_bin, tool);
        if (Environment.UserName == "root") Run("runuser", ["-u", "postgres", "--", exe, .. args]);
        else Run(exe, args);
    }

    private static void Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(90_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}:\n{output.Result}\n{error.Result}");
    }

    public void Dispose()
    {
        try
        {
            if (_started) AsServerUser("pg_ctl", "-D", _data, "-m", "immediate", "-w", "stop");
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Already down; the folder is removed below either way.
        }
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
