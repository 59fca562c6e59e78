
namespace Analytics.Warehouse.Tests.Figures;

/// <summary>
/// A hand-made registry and hand-made submissions in a private in-memory warehouse.
///
///   TLD ─┬─ AAA ── AAA-D1 ─┬─ G1 (private, whole time)
///        │                 ├─ G2 (soe; under BBB-D2 until 2024-06-30, moved here 2024-07-01)
///        │                 └─ G4 (public; dissolved 2024-06-30, no successor)
///        └─ BBB ── BBB-D2 ─── G3 (private; closed 2025-06-30, merged into G1)
///   BBB closes 2025-06-30 (successor AAA), BBB-D2 too (successor AAA-D1).
/// </summary>
internal sealed class MetricsFixture : IDisposable
{
    private long _nextSubmission = 1;

    public MetricsFixture()
    {
        Warehouse = Analytics.Warehouse.Warehouse.Open(":memory:");
        Connection = Warehouse.Connect();
        Unit(1, "TLD", null, 0, null, "2020-01-01", null, null);
        Unit(2, "AAA", "TLD", 1, null, "2020-01-01", null, null);
        Unit(3, "BBB", "TLD", 1, null, "2020-01-01", "2025-06-30", "AAA");
        Unit(4, "AAA-D1", "AAA", 2, null, "2020-01-01", null, null);
        Unit(5, "BBB-D2", "BBB", 2, null, "2020-01-01", "2025-06-30", "AAA-D1");
        Unit(6, "G1", "AAA-D1", 3, "private", "2020-01-01", null, null);
        Unit(7, "G2", "BBB-D2", 3, "soe", "2020-01-01", "2024-06-30", null);
        Unit(7, "G2", "AAA-D1", 3, "soe", "2024-07-01", null, null);
        Unit(8, "G3", "BBB-D2", 3, "private", "2020-01-01", "2025-06-30", "G1");
        Unit(9, "G4", "AAA-D1", 3, "public", "2020-01-01", "2024-06-30", null);
    }

    public Analytics.Warehouse.Warehouse Warehouse { get; }

    public DuckDBConnection Connection { get; }

    public void Unit(int id, string code, string? parent, int level, string? sector, string from, string? to, string? successor) =>
        Connection.Execute(
            "INSERT INTO dim_unit VALUES ($1, $2, $3, $4, $5, $6, CAST($7 AS DATE), CAST($8 AS DATE), $9)",
            id, code, "Đơn vị " + code, parent, level, sector, from, to, successor);

    /// <summary>One current submission of <paramref name="unit"/> for <paramref name="period"/> carrying these values.</summary>
    public void Report(string unit, string period, params (string Indicator, object Value)[] values) => Submit(unit, period, true, values);

    /// <summary>A replaced (not current) version: must never count.</summary>
    public void OldVersion(string unit, string period, params (string Indicator, object Value)[] values) => Submit(unit, period, false, values);

    private void Submit(string unit, string period, bool current, (string Indicator, object Value)[] values)
    {
        var id = _nextSubmission++;
        Connection.Execute("""
            INSERT INTO submission (submission_id, unit_code, period_code, version, status, is_current, source_file, source_format,
                                    content_hash, received_at, loaded_at, value_count)
            VALUES ($1, $2, $3, 1, 'accepted', $4, 'test.csv', 'csv', 'x', TIMESTAMP '2025-01-01', TIMESTAMP '2025-01-01', $5)
            """, id, unit, period, current, values.Length);
        foreach (var (indicator, value) in values)
        {
            Connection.Execute("""
                INSERT INTO fact_value (submission_id, unit_id, period_id, indicator_id, value, category)
                SELECT $1, (SELECT any_value(unit_id) FROM dim_unit WHERE unit_code = $2),
                       (SELECT period_id FROM dim_period WHERE period_code = $3),
                       (SELECT indicator_id FROM dim_indicator WHERE indicator_code = $4), $5, $6
                """, id, unit, period, indicator, value is string ? null : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), value as string);
        }
    }

    public void Dispose()
    {
        Connection.Dispose();
        Warehouse.Dispose();
    }
}
