using Analytics.Warehouse.Store;
using DuckDB.NET.Data;
using Analytics.Warehouse.Plans;
using Analytics.Warehouse.ReferenceData;
using Analytics.Warehouse.Schema;

namespace Analytics.Warehouse;

/// <summary>
/// The warehouse file: opening it creates the folder and the schema when missing, applies pending
/// migrations and syncs the reference data (unless read-only). Hands out connections; one instance per file per process.
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

    /// <summary>
    /// Opens the warehouse at <paramref name="path"/> (":memory:" for a private in-memory one). A writable
    /// open leaves it ready to use: migrations applied, and the reference data synced, the indicator
    /// catalog and <paramref name="plans"/> (default: the plans embedded in the build). Both syncs change
    /// nothing when nothing changed.
    /// </summary>
    public static Warehouse Open(string path, DuckDbOptions? options = null, TimeProvider? clock = null, PlanCatalog? plans = null)
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
                IndicatorCatalog.Default.Sync(connection);
                (plans ?? PlanCatalog.Embedded).Sync(connection);
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
