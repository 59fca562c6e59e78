using Analytics.Jobs.Operations;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Npgsql;

namespace Analytics.Jobs.Service;

/// <summary>Where Hangfire keeps the jobs, as `Analytics:Store` says (docs/service.md, "Settings").</summary>
public static class JobStore
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string Memory = "memory";

    /// <summary>The advisory lock a node holds while it installs or upgrades the schema ('AWHS').</summary>
    private const long SchemaLockKey = 0x41574853;

    public static JobStorage Create(ServiceSettings settings) => settings.Store switch
    {
        Memory => new InMemoryStorage(new InMemoryStorageOptions()),
        Sqlite => CreateSqlite(settings),
        Postgres => CreatePostgres(settings),
        _ => throw new InvalidOperationException($"Analytics:Store must be sqlite, memory or postgres, not '{settings.Store}'."),
    };

    private static SQLiteStorage CreateSqlite(ServiceSettings settings)
    {
        var path = Path.GetFullPath(settings.SqlitePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var storage = new SQLiteStorage(path, new SQLiteStorageOptions
        {
            QueuePollInterval = TimeSpan.FromSeconds(settings.PollSeconds),
            // Not sliding in this store: a fetched job is handed out again once this has passed, even while it
            // still runs. Longer than any job, so a live one is never run twice; a job cut short by a killed
            // process is handed back at the next start instead (SqliteRecovery).
            InvisibilityTimeout = TimeSpan.FromHours(6),
        });
        return storage;
    }

    private static PostgreSqlStorage CreatePostgres(ServiceSettings settings)
    {
        var connection = settings.StoreConnection ?? throw new InvalidOperationException("Analytics:StoreConnection is required for the postgres store.");
        InstallSchemaOnce(connection);
        var options = new PostgreSqlStorageOptions
        {
            // Installed above, under a lock: nodes starting together do not race to create it.
            PrepareSchemaIfNecessary = false,
            QueuePollInterval = TimeSpan.FromSeconds(settings.PollSeconds),
            // A live job renews its fetch while it runs, so however long it takes no other node runs it too;
            // a killed node's job is handed to another node once its renewals stop for this long.
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = TimeSpan.FromSeconds(settings.InvisibilityTimeoutSeconds),
            // Hangfire's own locks (the recurring scheduler's, a job's state changes) are rows that expire by
            // age, held for milliseconds by live nodes: a node killed while holding one blocks the others only
            // this long (default 10 minutes). The warehouse's writer does not use them (WarehouseWriter).
            DistributedLockTimeout = TimeSpan.FromSeconds(settings.InvisibilityTimeoutSeconds),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connection, options), options);
    }

    private static void InstallSchemaOnce(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({SchemaLockKey})", connection)) take.ExecuteNonQuery();
        try
        {
            PostgreSqlObjectsInstaller.Install(connection);
        }
        finally
        {
            using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({SchemaLockKey})", connection);
            release.ExecuteNonQuery();
        }
    }
}
