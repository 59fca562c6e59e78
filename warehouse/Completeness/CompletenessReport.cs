using Analytics.Warehouse.Store;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Completeness;

/// <summary>
/// Who has reported for a period, as of a moment: counts per unit above grassroots and the
/// late and missing reporters, from the completeness macros (Schema/Views/10_completeness.sql).
/// The reporters follow the catalog: grassroots unions for quarters, halves, nine months and years;
/// for months, the units whose children are grassroots unions (<see cref="Result.Reporters"/>).
/// </summary>
public static class CompletenessReport
{
    public sealed record UnitCounts(string UnitCode, string Name, int Level, string? ParentCode, long Expected, long Received, long OnTime, long Late, long Missing)
    {
        public double ReceivedShare => Expected == 0 ? 0 : (double)Received / Expected;
    }

    /// <summary>
    /// One expected reporter's status. The name dates from when only grassroots unions were counted; for a
    /// month the reporter is a unit above them (see <see cref="Result.Reporters"/>).
    /// </summary>
    public sealed record GrassrootsStatus(string UnitCode, string Name, string? ParentCode, string Status, DateTime? ReceivedAt, long RefusedCount);

    public sealed record Result(string PeriodCode, DateTime AsOf, DateTime? Deadline, IReadOnlyList<UnitCounts> Units, IReadOnlyList<GrassrootsStatus> Expected)
    {
        /// <summary>The expected reporters that did not report on time, late ones first.</summary>
        public IReadOnlyList<GrassrootsStatus> LateOrMissing { get; } = [.. Expected.Where(g => g.Status != "on_time").OrderByDescending(g => g.Status, StringComparer.Ordinal)
            .ThenBy(g => g.ParentCode, StringComparer.Ordinal).ThenBy(g => g.UnitCode, StringComparer.Ordinal)];

        /// <summary>
        /// Who is expected to report for the period, from the catalog (the reporters_of macro): "grassroots",
        /// "upper" (units whose children are grassroots unions), "province", "national", or null when no
        /// indicator is reported for the period's type.
        /// </summary>
        public string? Reporters { get; init; } = "grassroots";
    }

    /// <summary>
    /// Counts for <paramref name="unitCode"/> and its children (or, without a unit, every unit at levels 0 and 1),
    /// and every expected reporter under it (it included, when it is one) with its status.
    /// </summary>
    public static Result Compute(DuckDBConnection connection, string periodCode, DateTime asOf, string? unitCode)
    {
        var deadline = connection.Scalar<DateTime?>("SELECT deadline_of($1)", periodCode);
        var reporters = connection.Scalar<string?>("SELECT reporters_of(period_type) FROM dim_period WHERE period_code = $1", periodCode);
        var filter = unitCode is null ? "level <= 1" : "unit_code = $unit OR parent_code = $unit";
        var args = new { period = periodCode, as_of = asOf, unit = unitCode };
        // Columns are cast to the records' types: Dapper matches them by name and by exact type.
        var units = connection.Query<UnitCounts>($"""
            SELECT unit_code, name, level::INTEGER AS level, parent_code, expected, received, on_time, late, missing
            FROM completeness($period, $as_of)
            WHERE {filter}
            ORDER BY level, unit_code
            """, args).AsList();

        var scope = unitCode is null ? "" : """
            AND unit_code IN (
                WITH RECURSIVE sub(code) AS (
                    SELECT $unit::VARCHAR
                    UNION ALL
                    SELECT u.unit_code FROM dim_unit u JOIN sub ON u.parent_code = sub.code
                    WHERE u.valid_from <= (SELECT end_date FROM dim_period WHERE period_code = $period)
                      AND coalesce(u.valid_to, DATE '9999-12-31') >= (SELECT end_date FROM dim_period WHERE period_code = $period))
                SELECT code FROM sub)
            """;
        var everyone = connection.Query<GrassrootsStatus>($"""
            SELECT unit_code, name, parent_code, status, received_at, refused_count
            FROM completeness_units($period, $as_of)
            WHERE true {scope}
            ORDER BY parent_code, unit_code
            """, args).AsList();
        return new Result(periodCode, asOf, deadline, units, everyone) { Reporters = reporters };
    }
}
