using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Warehouse.DuckDb;

/// <summary>
/// An open DuckDB database. DuckDB allows one database object per file per process, so
/// <see cref="Open"/> hands out a shared, reference-counted instance per file; the native
/// database closes when the last holder disposes it.
/// </summary>
public sealed class DuckDbDatabase : IDisposable
{
    private static readonly Dictionary<string, DuckDbDatabase> OpenFiles = new(StringComparer.Ordinal);
    private static readonly Lock OpenFilesLock = new();

    private readonly DatabaseHandle _handle;
    private readonly string? _key;
    private int _references = 1;

    private DuckDbDatabase(DatabaseHandle handle, string path, DuckDbOptions options, string? key)
    {
        _handle = handle;
        Path = path;
        Options = options;
        _key = key;
    }

    /// <summary>The file path, or ":memory:".</summary>
    public string Path { get; }

    public DuckDbOptions Options { get; }

    /// <summary>The DuckDB library version, e.g. "v1.5.6".</summary>
    public static string LibraryVersion => NativeMethods.ReadUtf8(NativeMethods.LibraryVersion()) ?? "?";

    /// <summary>
    /// Opens (or joins) the database at <paramref name="path"/>. ":memory:" always opens a new,
    /// private in-memory database. Joining a file already open in this process with another
    /// access mode, or with a setting that differs from the one in force, is refused: DuckDB would
    /// silently keep the first ones. Options left unset join whatever is open.
    /// </summary>
    public static DuckDbDatabase Open(string path, DuckDbOptions? options = null)
    {
        options ??= new DuckDbOptions();
        var inMemory = path is ":memory:" or "";
        if (inMemory) return OpenNative(":memory:", options, key: null);

        var key = System.IO.Path.GetFullPath(path);
        lock (OpenFilesLock)
        {
            if (OpenFiles.TryGetValue(key, out var existing))
            {
                if (existing.Options.ReadOnly != options.ReadOnly)
                    throw new DuckDbException($"'{path}' is already open in this process {(existing.Options.ReadOnly ? "read-only" : "read-write")}; it cannot be opened again with another access mode.");
                if (options.ConflictsWith(existing.Options) is { } setting)
                    throw new DuckDbException($"'{path}' is already open in this process with another {setting}; join it with the same options or with none.");
                existing._references++;
                return existing;
            }
            var db = OpenNative(key, options, key);
            OpenFiles[key] = db;
            return db;
        }
    }

    private static DuckDbDatabase OpenNative(string path, DuckDbOptions options, string? key)
    {
        if (NativeMethods.CreateConfig(out var config) != NativeMethods.Success)
            DuckDbException.Throw(null, "create config");
        using (config)
        {
            foreach (var (name, value) in options.AllSettings())
            {
                if (NativeMethods.SetConfig(config, name, value) != NativeMethods.Success)
                    throw new DuckDbException($"Unknown or invalid DuckDB setting {name}={value}");
            }
            if (NativeMethods.OpenExt(path, out var handle, config, out var error) != NativeMethods.Success)
            {
                var message = NativeMethods.ReadUtf8(error);
                NativeMethods.Free(error);
                handle.Dispose();
                DuckDbException.Throw(message, $"open {path}");
            }
            return new DuckDbDatabase(handle, path, options, key);
        }
    }

    /// <summary>Opens a new connection; use one per job, request or thread.</summary>
    public DuckDbConnection Connect()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (NativeMethods.Connect(_handle, out var connection) != NativeMethods.Success)
        {
            connection.Dispose();
            DuckDbException.Throw(null, "connect");
        }
        return new DuckDbConnection(connection);
    }

    public void Dispose()
    {
        if (_key is null)
        {
            _handle.Dispose();
            return;
        }
        lock (OpenFilesLock)
        {
            if (_references == 0) return;
            if (--_references > 0) return;
            OpenFiles.Remove(_key);
            _handle.Dispose();
        }
    }
}
