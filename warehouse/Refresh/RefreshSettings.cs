using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Warehouse.Store;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Refresh;

/// <summary>
/// DuckDB settings for the length of a refresh, put back as they were when disposed. The refresh is one
/// big batch job; left to the defaults DuckDB lets it grow to 80% of the machine's memory and keeps the
/// insertion order of every intermediate. With a memory limit the large joins, sorts and windows spill
/// to the temporary directory instead. The settings are the database's, so a query on another
/// connection during the refresh runs under them too; that is the price of a bounded refresh.
/// </summary>
internal sealed partial class RefreshSettings : IDisposable
{
    /// <summary>The refresh's memory limit; a lower limit already in force is kept.</summary>
    public const long MemoryLimitBytes = 2L << 30;

    private readonly DuckDBConnection _connection;
    private readonly string? _memoryLimit;
    private readonly string _preserveOrder;

    private RefreshSettings(DuckDBConnection connection)
    {
        _connection = connection;
        var current = connection.Scalar<string>("SELECT current_setting('memory_limit')::VARCHAR") ?? "";
        _preserveOrder = connection.Scalar<string>("SELECT current_setting('preserve_insertion_order')::VARCHAR") ?? "true";
        if (Bytes(current) is not { } bytes || bytes > MemoryLimitBytes)
        {
            _memoryLimit = current;
            connection.Execute($"SET memory_limit = '{MemoryLimitBytes >> 20}MiB'");
        }
        // Only metric_leaf's inserts carry an ORDER BY, which DuckDB honours either way; nothing else needs an order.
        connection.Execute("SET preserve_insertion_order = false");
    }

    public static RefreshSettings Apply(DuckDBConnection connection) => new(connection);

    public void Dispose()
    {
        if (_memoryLimit is { Length: > 0 }) _connection.Execute($"SET memory_limit = '{_memoryLimit}'");
        _connection.Execute($"SET preserve_insertion_order = {(_preserveOrder.Equals("false", StringComparison.OrdinalIgnoreCase) ? "false" : "true")}");
    }

    // DuckDB reports the limit as e.g. "18.8 GiB" or "512.0 MiB".
    private static long? Bytes(string text)
    {
        var match = Size().Match(text);
        if (!match.Success) return null;
        var number = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var scale = match.Groups[2].Value.ToUpperInvariant() switch
        {
            "" or "B" or "BYTES" => 1L,
            "KB" => 1000L, "KIB" => 1L << 10,
            "MB" => 1000L * 1000, "MIB" => 1L << 20,
            "GB" => 1000L * 1000 * 1000, "GIB" => 1L << 30,
            "TB" => 1000L * 1000 * 1000 * 1000, "TIB" => 1L << 40,
            _ => 0L,
        };
        return scale == 0 ? null : (long)(number * scale);
    }

    [GeneratedRegex(@"^\s*([0-9.]+)\s*([A-Za-z]*)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Size();
}
