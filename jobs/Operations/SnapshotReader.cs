using Analytics.Warehouse.Store;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Operations;

/// <summary>
/// The pages read the published snapshot, never the live warehouse: read-only, external access off
/// (the same options as `analytics sql`), opened per request so a newly published copy is picked up.
/// </summary>
public static class SnapshotReader
{
    public static DuckDbDatabase? Open(ServiceSettings settings) =>
        File.Exists(settings.SnapshotPath) ? DuckDbDatabase.Open(settings.SnapshotPath, Analytics.Warehouse.Store.AnalystSql.Options) : null;
}
