using Analytics.Warehouse.Store;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Operations;

/// <summary>
/// The service's only way to the warehouse: one job at a time in this process, the file opened for
/// the job and closed after, so a second node of a cluster (or the snapshot copy) finds it free between
/// jobs. While another process holds DuckDB's file lock the open is retried for a while, then fails
/// the run (which the retry policy then schedules again).
/// </summary>
public sealed class WarehouseGate(ServiceSettings settings, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public TimeSpan LockWait { get; init; } = TimeSpan.FromSeconds(30);

    public async Task<T> Use<T>(Func<Analytics.Warehouse.Warehouse, T> work, CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            using var warehouse = await Open(cancellationToken);
            return work(warehouse);
        }
        finally
        {
            _one.Release();
        }
    }

    private async Task<Analytics.Warehouse.Warehouse> Open(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                return Analytics.Warehouse.Warehouse.Open(settings.Db, new DuckDbOptions(), clock, Analytics.Warehouse.Plans.PlanCatalog.FromEnvironment());
            }
            catch (System.Data.Common.DbException e) when (IsLockConflict(e) && clock.GetElapsedTime(started) < LockWait)
            {
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
            }
        }
    }

    public void Dispose() => _one.Dispose();

    public static bool IsLockConflict(System.Data.Common.DbException e) =>
        e.Message.Contains("lock", StringComparison.OrdinalIgnoreCase);
}
