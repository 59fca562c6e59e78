using Analytics.Warehouse.Vocabulary;
using Analytics.Warehouse.Completeness;
using Analytics.Warehouse.Figures;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Operations;

/// <summary>
/// Who reported for a period, for `analytics completeness` and the completeness page alike: the unit
/// is checked first, so a mistyped code is an <see cref="UnknownNameException"/>, never an empty table.
/// </summary>
public static class CompletenessCheck
{
    public static CompletenessReport.Result Compute(DuckDBConnection connection, string periodCode, DateTime asOfUtc, string? unit)
    {
        if (unit is not null) Metrics.RequireUnit(connection, unit);
        return CompletenessReport.Compute(connection, periodCode, asOfUtc, unit);
    }

    /// <summary>A reporter's status: on_time, late, missing, or refused (missing, with every file it sent refused).</summary>
    public static string Status(CompletenessReport.GrassrootsStatus g) => g.Status == "missing" && g.RefusedCount > 0 ? "refused" : g.Status;

    /// <summary>A status in words for a table.</summary>
    public static string StatusWords(string status, bool english) => (status, english) switch
    {
        ("on_time", true) => "on time",
        ("on_time", false) => "đúng hạn",
        ("late", false) => "trễ hạn",
        ("missing", false) => "chưa nộp",
        ("refused", false) => "bị từ chối",
        _ => status,
    };
}
