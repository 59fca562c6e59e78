using Analytics.Warehouse.Store;
using DuckDB.NET.Data;
using Analytics.Warehouse.Schema;

namespace Analytics.Warehouse;

/// <summary>
/// The warehouse file: opening it creates the folder and the schema when missing and applies
/// pending migrations (unless read-only). Hands out connections; one instance per file per process.
/// </summary>
public sealed class Warehouse : IDisposable
{
    /// <summary>Default location, overridden by --db or the ANALYTICS_DB environment variable.</summary>
    public const string DefaultPath = "./data/warehouse.duckdb";

    private Warehouse(DuckDbDatabase database) => Database = database;

    public DuckDbDatabase Database { get; }

    public string Path => Database.Path;

    public static string ResolvePath(string? path) =>
        !string.IsNullOrWhiteSpace(path) ? path
        : Environment.GetEnvironmentVariable("ANALYTICS_DB") is { Length: > 0 } env ? env
        : DefaultPath;

    /// <summary>Opens the warehouse at <paramref name="path"/> (":memory:" for a private in-memory one).</summary>
    public static Warehouse Open(string path, DuckDbOptions? options = null, TimeProvider? clock = null)
    {
        options ??= new DuckDbOptions();
        if (path != ":memory:")
        {
            if (options.ReadOnly && !File.Exists(path))
                throw new WarehouseException($"No warehouse at '{path}'. Create one first (e.g. ./analytics demo or ./analytics units import FILE).");
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        }
        var database = DuckDbDatabase.Open(path, options);
        try
        {
            if (!options.ReadOnly)
            {
                using var connection = database.Connect();
                Migrator.Apply(connection, clock);
            }
            return new Warehouse(database);
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public DuckDBConnection Connect() => Database.Connect();

    public void Dispose() => Database.Dispose();
}
