using Analytics.Warehouse.Completeness;

namespace Analytics.Warehouse.Tests.Completeness;

public sealed class CompletenessTests : IDisposable
{
    private readonly CompletenessFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static (long Expected, long Received, long OnTime, long Late, long Missing) Counts(CompletenessReport.UnitCounts u) =>
        (u.Expected, u.Received, u.OnTime, u.Late, u.Missing);

    private CompletenessReport.Result Compute(string period, DateTime asOf, string? unit = null) =>
        CompletenessReport.Compute(_f.Connection, period, asOf, unit);

    [Fact]
    public void A_month_expects_the_units_whose_children_are_grassroots_unions_not_the_grassroots_unions()
    {
        // March 2024 is due before 5 April. Reporters on 31 March: AAA-D1, AAA-D2, BBB-D3 (AAA-D9 has no grassroots unions).
        _f.Received("AAA-D1", "2024-03", new DateTime(2024, 4, 3));
        _f.Received("AAA-D2", "2024-03", new DateTime(2024, 4, 9));
        _f.Received("BBB-D3", "2024-03", new DateTime(2024, 4, 2), accepted: false);
        _f.Received("G1", "2024-03", new DateTime(2024, 4, 1)); // a grassroots month report neither expected nor counted

        var result = Compute("2024-03", new DateTime(2024, 5, 1));
        Assert.Equal("upper", result.Reporters);
        Assert.Equal(new DateTime(2024, 4, 5), result.Deadline);
        var byUnit = result.Units.ToDictionary(u => u.UnitCode);
        Assert.Equal(["TLD", "AAA", "BBB"], result.Units.Select(u => u.UnitCode));
        Assert.Equal((3L, 2L, 1L, 1L, 1L), Counts(byUnit["TLD"]));
        Assert.Equal((2L, 2L, 1L, 1L, 0L), Counts(byUnit["AAA"]));
        Assert.Equal((1L, 0L, 0L, 0L, 1L), Counts(byUnit["BBB"]));
        Assert.Equal([("BBB-D3", "missing", 1L), ("AAA-D2", "late", 0L)], result.LateOrMissing.Select(g => (g.UnitCode, g.Status, g.RefusedCount)));

        // A reporter counts itself; a district without grassroots unions and the grassroots unions have no row.
        var province = Compute("2024-03", new DateTime(2024, 5, 1), "AAA");
        Assert.Equal(["AAA", "AAA-D1", "AAA-D2"], province.Units.Select(u => u.UnitCode));
        Assert.Equal((1L, 1L, 1L, 0L, 0L), Counts(province.Units.Single(u => u.UnitCode == "AAA-D1")));
        Assert.Equal((1L, 1L, 0L, 1L, 0L), Counts(province.Units.Single(u => u.UnitCode == "AAA-D2")));

        // On the deadline's eve AAA-D2 had not sent yet.
        Assert.Equal(1, Compute("2024-03", new DateTime(2024, 4, 4), "AAA").Units.Single(u => u.UnitCode == "AAA").Missing);

        // The analyst view agrees: one row per direct parent of the reporters.
        using var reader = _f.Connection.Query("""
            SELECT unit_code, expected, received, on_time, late, missing FROM v_completeness
            WHERE period_code = '2024-03' ORDER BY unit_code
            """);
        var rows = new List<(string, long, long, long, long, long)>();
        while (reader.Read()) rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5)));
        Assert.Equal([("AAA", 2L, 2L, 1L, 1L, 0L), ("BBB", 1L, 0L, 0L, 0L, 1L)], rows);
    }

    [Fact]
    public void A_quarter_still_expects_every_grassroots_union_active_on_its_last_day()
    {
        // Q2 2024 is due before 15 June. G5 was dissolved on 31 May; the districts' own quarter reports do not count.
        _f.Received("G1", "2024-Q2", new DateTime(2024, 6, 10));
        _f.Received("G2", "2024-Q2", new DateTime(2024, 6, 20));
        _f.Received("G4", "2024-Q2", new DateTime(2024, 6, 1));
        _f.Received("AAA-D1", "2024-Q2", new DateTime(2024, 6, 1));

        var result = Compute("2024-Q2", new DateTime(2024, 7, 31));
        Assert.Equal("grassroots", result.Reporters);
        var byUnit = result.Units.ToDictionary(u => u.UnitCode);
        Assert.Equal((4L, 3L, 2L, 1L, 1L), Counts(byUnit["TLD"]));
        Assert.Equal((3L, 2L, 1L, 1L, 1L), Counts(byUnit["AAA"]));
        Assert.Equal((1L, 1L, 1L, 0L, 0L), Counts(byUnit["BBB"]));
        Assert.Equal([("G3", "missing"), ("G2", "late")], result.LateOrMissing.Select(g => (g.UnitCode, g.Status)));

        var province = Compute("2024-Q2", new DateTime(2024, 7, 31), "AAA");
        Assert.Equal(["AAA", "AAA-D1", "AAA-D2"], province.Units.Select(u => u.UnitCode));
        Assert.Equal((2L, 2L, 1L, 1L, 0L), Counts(province.Units.Single(u => u.UnitCode == "AAA-D1")));
        Assert.Equal((1L, 0L, 0L, 0L, 1L), Counts(province.Units.Single(u => u.UnitCode == "AAA-D2")));

        Assert.Equal(4, _f.Connection.Scalar<long>("SELECT sum(expected) FROM v_completeness WHERE period_code = '2024-Q2'"));
        Assert.Equal(2, _f.Connection.Scalar<long>("SELECT expected FROM v_completeness WHERE period_code = '2024-Q2' AND unit_code = 'AAA-D1'"));
    }

    [Fact]
    public void After_a_reorganisation_a_province_holding_grassroots_unions_reports_the_month_itself()
    {
        // From July 2024 G4 sits right under BBB: BBB sends the month, BBB-D3 is closed.
        var before = Compute("2024-09", new DateTime(2024, 10, 31));
        Assert.Equal((3L, 0L, 0L, 0L, 3L), Counts(before.Units.Single(u => u.UnitCode == "TLD")));
        Assert.Equal((1L, 0L, 0L, 0L, 1L), Counts(before.Units.Single(u => u.UnitCode == "BBB")));
        Assert.Contains(before.LateOrMissing, g => g.UnitCode == "BBB" && g.Status == "missing");
        Assert.DoesNotContain(before.LateOrMissing, g => g.UnitCode == "BBB-D3");

        _f.Received("BBB", "2024-09", new DateTime(2024, 10, 4));
        var after = Compute("2024-09", new DateTime(2024, 10, 31), "BBB");
        Assert.Equal((1L, 1L, 1L, 0L, 0L), Counts(Assert.Single(after.Units)));
        Assert.Empty(after.LateOrMissing);
    }

    [Fact]
    public void The_catalog_decides_who_is_expected_so_a_monthly_grassroots_indicator_makes_the_grassroots_unions_reporters_of_months()
    {
        _f.Connection.Execute("UPDATE dim_indicator SET period_types = NULL WHERE indicator_code = 'workers'");

        var result = Compute("2024-03", new DateTime(2024, 5, 1), "AAA");
        Assert.Equal("grassroots", result.Reporters);
        // G5 was still active on 31 March.
        Assert.Equal([("AAA", 4L), ("AAA-D1", 2L), ("AAA-D2", 2L)], result.Units.Select(u => (u.UnitCode, u.Expected)));
    }

    [Fact]
    public void When_only_some_sectors_have_indicators_for_a_period_type_only_their_grassroots_unions_are_expected()
    {
        // Leave the half-years to the CBA indicators (soe and private only): the public union G3 is not expected.
        _f.Connection.Execute("""
            UPDATE dim_indicator SET period_types = 'quarter,nine_months,year'
            WHERE reported_by = 'grassroots' AND sectors IS NULL AND period_types LIKE '%half%'
            """);

        var result = Compute("2024-H1", new DateTime(2024, 7, 31));
        Assert.Equal(3, result.Units.Single(u => u.UnitCode == "TLD").Expected);
        Assert.Empty(Compute("2024-H1", new DateTime(2024, 7, 31), "AAA-D2").Units);
        Assert.Equal(4, Compute("2024-Q2", new DateTime(2024, 7, 31)).Units.Single(u => u.UnitCode == "TLD").Expected);
    }

    [Fact]
    public void A_period_type_nobody_reports_expects_nobody()
    {
        var result = Compute("2021-2025", new DateTime(2026, 1, 31));
        Assert.Null(result.Reporters);
        Assert.Empty(result.Units);
        Assert.Empty(result.LateOrMissing);
    }
}
