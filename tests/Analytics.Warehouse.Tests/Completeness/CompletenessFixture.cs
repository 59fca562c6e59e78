
namespace Analytics.Warehouse.Tests.Completeness;

/// <summary>
/// A hand-made registry in a private in-memory warehouse, the catalog read from warehouse/ReferenceData/indicators.csv,
/// and submissions written straight into the submission table with their receipt times.
///
///   TLD ─┬─ AAA ─┬─ AAA-D1 ─┬─ G1 (private)
///        │       │          └─ G2 (soe)
///        │       ├─ AAA-D2 ─┬─ G3 (public)
///        │       │          └─ G5 (private; dissolved 2024-05-31)
///        │       └─ AAA-D9   (no grassroots unions)
///        └─ BBB ─── BBB-D3 ─── G4 (private)
///   BBB-D3 closes 2024-06-30 (successor BBB); from 2024-07-01 G4 sits right under the province BBB.
/// </summary>
internal sealed class CompletenessFixture : IDisposable
{
    private long _nextSubmission = 1;

    public CompletenessFixture()
    {
        Warehouse = Analytics.Warehouse.Warehouse.Open(":memory:");
        Connection = Warehouse.Connect();
        Unit(1, "TLD", null, 0, null, "2020-01-01", null);
        Unit(2, "AAA", "TLD", 1, null, "2020-01-01", null);
        Unit(3, "BBB", "TLD", 1, null, "2020-01-01", null);
        Unit(4, "AAA-D1", "AAA", 2, null, "2020-01-01", null);
        Unit(5, "AAA-D2", "AAA", 2, null, "2020-01-01", null);
        Unit(6, "AAA-D9", "AAA", 2, null, "2020-01-01", null);
        Unit(7, "BBB-D3", "BBB", 2, null, "2020-01-01", "2024-06-30");
        Unit(8, "G1", "AAA-D1", 3, "private", "2020-01-01", null);
        Unit(9, "G2", "AAA-D1", 3, "soe", "2020-01-01", null);
        Unit(10, "G3", "AAA-D2", 3, "public", "2020-01-01", null);
        Unit(11, "G5", "AAA-D2", 3, "private", "2020-01-01", "2024-05-31");
        Unit(12, "G4", "BBB-D3", 3, "private", "2020-01-01", "2024-06-30");
        Unit(12, "G4", "BBB", 3, "private", "2024-07-01", null);
    }

    public Analytics.Warehouse.Warehouse Warehouse { get; }

    public DuckDBConnection Connection { get; }

    private void Unit(int id, string code, string? parent, int level, string? sector, string from, string? to) =>
        Connection.Execute(
            "INSERT INTO dim_unit VALUES ($1, $2, $3, $4, $5, $6, CAST($7 AS DATE), CAST($8 AS DATE), NULL)",
            id, code, "Đơn vị " + code, parent, level, sector, from, to);

    /// <summary>A submission of <paramref name="unit"/> for <paramref name="period"/> received at <paramref name="receivedAt"/>.</summary>
    public void Received(string unit, string period, DateTime receivedAt, bool accepted = true)
    {
        var id = _nextSubmission++;
        Connection.Execute("""
            INSERT INTO submission (submission_id, unit_code, period_code, version, status, is_current, source_file, source_format,
                                    content_hash, received_at, loaded_at, value_count)
            VALUES ($1, $2, $3, CASE WHEN $4 THEN 1 END, CASE WHEN $4 THEN 'accepted' ELSE 'refused' END, $4, 'test.csv', 'csv',
                    'x' || $1, $5, $5, 1)
            """, id, unit, period, accepted, receivedAt);
    }

    public void Dispose()
    {
        Connection.Dispose();
        Warehouse.Dispose();
    }
}
