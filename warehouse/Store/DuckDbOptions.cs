using System.Globalization;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Store;

/// <summary>
/// DuckDB configuration applied when a database file is first opened in this process. DuckDB.NET
/// keeps one DuckDB instance per file and silently lets a later connection join it with the first
/// connection's settings, so <see cref="DuckDbDatabase.Open"/> compares a request with the options
/// in force and refuses a conflict instead.
/// </summary>
public sealed record DuckDbOptions
{
    /// <summary>Worker threads; null leaves DuckDB's default (all cores).</summary>
    public int? Threads { get; init; }

    /// <summary>Memory limit in DuckDB's syntax, e.g. "2GB"; null leaves the default (80% of RAM).</summary>
    public string? MemoryLimit { get; init; }

    /// <summary>Open read-only: several processes may then read the same file.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Any further configuration flag by DuckDB's name (e.g. "enable_external_access" = "false").</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>The first setting this asks for that <paramref name="open"/> has otherwise; null when none.</summary>
    internal string? ConflictsWith(DuckDbOptions open)
    {
        var inForce = open.AllSettings().ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in AllSettings())
        {
            if (!inForce.TryGetValue(name, out var current) || !string.Equals(current, value, StringComparison.OrdinalIgnoreCase))
                return name;
        }
        return null;
    }

    /// <summary>The DuckDB.NET connection string that opens <paramref name="path"/> with these settings.</summary>
    internal string ConnectionString(string path)
    {
        var builder = new DuckDBConnectionStringBuilder { DataSource = path };
        foreach (var (name, value) in AllSettings()) builder[name] = value;
        return builder.ConnectionString;
    }

    internal IEnumerable<KeyValuePair<string, string>> AllSettings()
    {
        if (Threads is { } t) yield return new("threads", t.ToString(CultureInfo.InvariantCulture));
        if (MemoryLimit is { } m) yield return new("memory_limit", m);
        if (ReadOnly) yield return new("access_mode", "READ_ONLY");
        foreach (var kv in Settings) yield return kv;
    }
}
