using Analytics.Jobs.Operations;
using Npgsql;

namespace Analytics.Jobs.Service;

/// <summary>
/// The one writer of the warehouse across every node. Taking it never waits: a job that finds it taken
/// throws <see cref="WarehouseBusyException"/> and is rescheduled (<see cref="WarehouseBusyFilter"/>), so
/// waiting jobs do not hold workers as [DisableConcurrentExecution] does.
/// On one node (sqlite, memory) the lock is this process's. On postgres it is also a session advisory
/// lock held on a connection of its own for as long as the job writes: PostgreSQL releases it the moment
/// that connection dies with a killed node, and never while a live job, however long, still holds it.
/// (Hangfire's own PostgreSQL lock is a row that expires by age, which fails on both counts.)
/// </summary>
public sealed class WarehouseWriter(ServiceSettings settings, WarehouseGate gate) : IDisposable
{
    /// <summary>The advisory lock's key: any constant the nodes agree on ('AWHW').</summary>
    public const long AdvisoryKey = 0x41574857;

    private readonly SemaphoreSlim _local = new(1, 1);

    public async Task<T> Use<T>(Func<Analytics.Warehouse.Warehouse, T> work, CancellationToken cancellationToken)
    {
        if (!await _local.WaitAsync(0, cancellationToken)) throw new WarehouseBusyException();
        try
        {
            await using var cluster = settings.Store == JobStore.Postgres ? await TakeClusterLock(cancellationToken) : null;
            return await gate.Use(work, cancellationToken);
        }
        finally
        {
            _local.Release();
        }
    }

    private async Task<NpgsqlConnection> TakeClusterLock(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(settings.StoreConnection);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", AdvisoryKey);
            if (await command.ExecuteScalarAsync(cancellationToken) is true) return connection;
            throw new WarehouseBusyException("Another node is writing the warehouse.");
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void Dispose() => _local.Dispose();
}
