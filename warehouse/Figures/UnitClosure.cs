using System.Globalization;
using Dapper;
using DuckDB.NET.Data;
using Analytics.Warehouse.Store;

namespace Analytics.Warehouse.Figures;

/// <summary>
/// A unit that is no longer registered today: when it closed (its last registered day) and the unit
/// it merged into, if any. A figure asked for a period that starts after the closure is
/// empty by rule; <see cref="Message"/> says why in the user's language.
/// </summary>
public sealed record UnitClosure(string UnitCode, DateOnly ClosedOn, string? SuccessorCode, string? SuccessorName)
{
    /// <summary>The closure of <paramref name="unitCode"/>, or null while it is active today or unknown.</summary>
    public static UnitClosure? Of(DuckDBConnection connection, string unitCode)
    {
        var row = connection.QuerySingleOrDefault<Closure>("""
            WITH u AS (
                SELECT unit_code, bool_or(valid_to IS NULL) AS active, max(valid_to) AS closed_on,
                       arg_max(successor_code, valid_from) AS taken_over_by
                FROM dim_unit WHERE unit_code = $unit GROUP BY unit_code
            )
            SELECT u.closed_on, u.taken_over_by AS successor_code,
                   (SELECT arg_max(name, valid_from) FROM dim_unit WHERE unit_code = u.taken_over_by) AS successor_name
            FROM u WHERE NOT u.active
            """, new { unit = unitCode });
        return row is null ? null : new UnitClosure(unitCode, row.ClosedOn, row.SuccessorCode, row.SuccessorName);
    }

    private sealed record Closure(DateOnly ClosedOn, string? SuccessorCode, string? SuccessorName);

    /// <summary>The closure when <paramref name="periodCode"/> starts after it, else null (the unit was active for some of the period).</summary>
    public static UnitClosure? Before(DuckDBConnection connection, string unitCode, string periodCode)
    {
        if (Of(connection, unitCode) is not { } closure) return null;
        var start = connection.Scalar<DateOnly?>("SELECT start_date FROM dim_period WHERE period_code = $1", periodCode);
        return start is { } s && s > closure.ClosedOn ? closure : null;
    }

    /// <summary>Why a figure of the unit for <paramref name="periodCode"/> is empty, naming the closure date and the successor.</summary>
    public string Message(string periodCode, bool english)
    {
        var successor = SuccessorCode is null ? null : $"{SuccessorCode}{(SuccessorName is null ? "" : $" ({SuccessorName})")}";
        var vi = ClosedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var en = ClosedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (english, successor) switch
        {
            (true, null) => $"{UnitCode} was dissolved on {en}, before {periodCode}; it has no figure for that period.",
            (true, _) => $"{UnitCode} merged into {successor} on {en}, before {periodCode}; its figures after that date are {SuccessorCode}'s.",
            (false, null) => $"{UnitCode} đã giải thể ngày {vi}, trước kỳ {periodCode}; không có số liệu cho kỳ này.",
            (false, _) => $"{UnitCode} đã sáp nhập vào {successor} ngày {vi}, trước kỳ {periodCode}; số liệu sau ngày đó thuộc {SuccessorCode}.",
        };
    }
}
