using DuckDB.NET.Data;

namespace Analytics.Warehouse.Store;

/// <summary>
/// One open DuckDB database file. DuckDB allows one database instance per file per process, so
/// <see cref="Open"/> hands out a shared, reference-counted instance per file and refuses to join
/// it with other options; the instance closes when the last holder disposes it.
/// </summary>
public sealed class DuckDbDatabase : IDisposable
{
    // Rows become records through Dapper, which matches snake_case columns to PascalCase members.
    static DuckDbDatabase() => Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;

    private static readonly Dictionary<string, DuckDbDatabase> OpenFiles = new(StringComparer.Ordinal);
    private static readonly Lock OpenFilesLock = new();

    // Holds DuckDB.NET's instance open; every connection handed out is a duplicate of it.
    private readonly DuckDBConnection _root;
    private readonly string? _key;
    private int _references = 1;

    private DuckDbDatabase(DuckDBConnection root, string path, DuckDbOptions options, string? key)
    {
        _root = root;
        Path = path;
        Options = options;
        _key = key;
    }

    /// <summary>The file path, or ":memory:".</summary>
    public string Path { get; }

    public DuckDbOptions Options { get; }

    /// <summary>The DuckDB library version, e.g. "v1.5.6".</summary>
    public static string LibraryVersion
    {
        get
        {
            using var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            return connection.Scalar<string>("SELECT version()") ?? "?";
        }
    }

    /// <summary>
    /// Opens (or joins) the database at <paramref name="path"/>. ":memory:" always opens a new,
    /// private in-memory database. Joining a file already open in this process with another
    /// access mode, or with a setting that differs from the one in force, is refused: DuckDB would
    /// silently keep the first ones. Options left unset join whatever is open.
    /// </summary>
    public static DuckDbDatabase Open(string path, DuckDbOptions? options = null)
    {
        options ??= new DuckDbOptions();
        if (path is ":memory:" or "") return OpenNew(":memory:", options, key: null);

        var key = System.IO.Path.GetFullPath(path);
        lock (OpenFilesLock)
        {
            if (OpenFiles.TryGetValue(key, out var existing))
            {
                if (existing.Options.ReadOnly != options.ReadOnly)
                    throw new WarehouseException($"'{path}' is already open in this process {(existing.Options.ReadOnly ? "read-only" : "read-write")}; it cannot be opened again with another access mode.");
                if (options.ConflictsWith(existing.Options) is { } setting)
                    throw new WarehouseException($"'{path}' is already open in this process with another {setting}; join it with the same options or with none.");
                existing._references++;
                return existing;
            }
            var database = OpenNew(key, options, key);
            OpenFiles[key] = database;
            return database;
        }
    }

    private static DuckDbDatabase OpenNew(string path, DuckDbOptions options, string? key)
    {
        DuckDBConnection root;
        try
        {
            root = new DuckDBConnection(options.ConnectionString(path));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new WarehouseException($"Unknown or invalid DuckDB setting: {e.Message}", e);
        }
        try
        {
            root.Open();
        }
        catch (InvalidOperationException e)
        {
            root.Dispose();
            throw new WarehouseException($"Unknown or invalid DuckDB setting: {e.Message}", e);
        }
        catch
        {
            root.Dispose();
            throw;
        }
        return new DuckDbDatabase(root, path, options, key);
    }

    /// <summary>Opens a new connection to this instance; use one per job, request or thread.</summary>
    public DuckDBConnection Connect()
    {
        lock (OpenFilesLock)
        {
            ObjectDisposedException.ThrowIf(_references == 0, this);
            // An in-memory database has no name to join it by: its connections are duplicates of the
            // root. A file's connections join the instance DuckDB.NET keeps open for its path.
            var connection = _key is null ? _root.Duplicate() : new DuckDBConnection(_root.ConnectionString);
            connection.Open();
            return connection;
        }
    }

    public void Dispose()
    {
        lock (OpenFilesLock)
        {
            if (_references == 0) return;
            if (--_references > 0) return;
            if (_key is not null) OpenFiles.Remove(_key);
            _root.Dispose();
        }
    }
}
