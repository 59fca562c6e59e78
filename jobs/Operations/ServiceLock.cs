using System.Diagnostics;
using System.Text.Json;

namespace Analytics.Jobs.Operations;

/// <summary>
/// A file beside the warehouse saying `analytics serve` owns it. The service opens the warehouse only
/// while a job runs, so DuckDB's own lock leaves gaps; this file closes them: CLI commands that write
/// refuse while it names a live process. A lock left by a killed service (dead pid) is ignored.
/// Nodes of a cluster (PostgreSQL store) share the warehouse on purpose: each writes its own file
/// (warehouse.duckdb.serve.lock.HOST-PID) marked clustered, and a clustered node starts beside them.
/// </summary>
public sealed class ServiceLock : IDisposable
{
    private readonly string _path;

    private ServiceLock(string path) => _path = path;

    public sealed record Holder(int Pid, string Host, string Url, DateTimeOffset Since, bool Clustered = false);

    public static string PathFor(string dbPath) => Path.GetFullPath(dbPath) + ".serve.lock";

    public static ServiceLock Acquire(string dbPath, string url, TimeProvider clock, bool clustered = false)
    {
        var path = clustered ? $"{PathFor(dbPath)}.{Environment.MachineName}-{Environment.ProcessId}" : PathFor(dbPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var holder = new Holder(Environment.ProcessId, Environment.MachineName, url, clock.GetUtcNow(), clustered);
        File.WriteAllText(path, JsonSerializer.Serialize(holder));
        return new ServiceLock(path);
    }

    /// <summary>The live service holding <paramref name="dbPath"/> (a single service, or any node of a cluster), or null.</summary>
    public static Holder? Find(string dbPath)
    {
        var single = PathFor(dbPath);
        var folder = Path.GetDirectoryName(single)!;
        if (!Directory.Exists(folder)) return null;
        return Directory.EnumerateFiles(folder, Path.GetFileName(single) + "*")
            .Where(p => p == single || p[single.Length] == '.')
            .Order(StringComparer.Ordinal)
            .Select(Read)
            .FirstOrDefault(h => h is not null);
    }

    private static Holder? Read(string path)
    {
        Holder? holder;
        try
        {
            holder = JsonSerializer.Deserialize<Holder>(File.ReadAllText(path));
        }
        catch (Exception e) when (e is JsonException or IOException)
        {
            return null;
        }
        if (holder is null) return null;
        // Another machine's service (shared folder): trust the file, the pid cannot be checked from here.
        if (holder.Host != Environment.MachineName) return holder;
        if (holder.Pid == Environment.ProcessId) return null;
        return IsAlive(holder.Pid) ? holder : null;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The message a writing CLI command prints when the service holds the warehouse.</summary>
    public static string Refusal(Holder holder, bool english) => english
        ? $"the warehouse is managed by the running service `analytics serve` (pid {holder.Pid} on {holder.Host}, {holder.Url}); only it writes while it runs. Upload files on its Submissions page or drop them in its inbox, or stop the service first."
        : $"kho dữ liệu đang do dịch vụ `analytics serve` quản lý (pid {holder.Pid} trên {holder.Host}, {holder.Url}); khi dịch vụ chạy chỉ nó được ghi. Hãy tải tệp lên trang Nộp báo cáo hoặc thả vào hộp thư đến của dịch vụ, hoặc dừng dịch vụ trước.";

    public void Dispose()
    {
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // Best effort: a stale lock names a dead pid and is ignored anyway.
        }
    }
}
