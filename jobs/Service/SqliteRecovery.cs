namespace Analytics.Jobs.Service;

/// <summary>
/// At the start of a single node on the SQLite store: jobs still marked as fetched were fetched by this
/// service's previous process, which is gone (only one service may hold the warehouse, ServiceLock), so
/// they are handed back to the queue at once and run again from the start. The store itself would hand
/// them back only after its invisibility timeout, which must stay longer than any job because it does not
/// slide: a shorter one runs a live long job twice (docs/service.md, "The SQLite store under kill -9").
/// </summary>
public static class SqliteRecovery
{
    /// <summary>Hands back the jobs a dead process left fetched; returns how many.</summary>
    public static int HandBack(string path)
    {
        if (!File.Exists(path)) return 0;
        using var db = new SQLite.SQLiteConnection(path, SQLite.SQLiteOpenFlags.ReadWrite, storeDateTimeAsTicks: true) { BusyTimeout = TimeSpan.FromSeconds(10) };
        if (db.ExecuteScalar<int>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'JobQueue'") == 0) return 0;
        // The store's "not fetched" is DateTime.MinValue, stored as 0 ticks.
        return db.Execute("UPDATE JobQueue SET FetchedAt = 0 WHERE FetchedAt <> 0");
    }
}
