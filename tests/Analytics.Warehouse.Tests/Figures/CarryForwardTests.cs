using Analytics.Warehouse.Refresh;
using Analytics.Warehouse.Vocabulary;
using Analytics.Warehouse.Figures;

namespace Analytics.Warehouse.Tests.Figures;

/// <summary>
/// The carry-forward variant of stocks against a worked example (members, carried at most 2 quarters):
///   G1 members 2024-Q4 120, 2025-Q1 125; G2 2024-Q4 50; G3 2024-Q4 10 (under BBB-D2 until it merges on 30/6/2025);
///   G4 dissolved 30/6/2024 (never active in 2025).
/// 2025-Q1, AAA-D1 as-is: reported 125 (G1); G2 and G3 did not report, so 50 + 10 = 60 is carried from 2024-Q4
///   (ended 31/12/2024, within 2 quarters of 1/1/2025): 185 in all; 3 grassroots active, 1 reporting (1/3).
/// 2025-Q1 as-was: G3 was under BBB-D2 then: AAA-D1 125 + 50 = 175, BBB-D2 carried 10.
/// 2025-Q2: nobody reported: G1 125 (2025-Q1), G2 50 and G3 10 (2024-Q4 ended 31/12/2024 ≥ 1/10/2024) carried: 185.
/// 2025-Q3: 2024-Q4 is more than 2 quarters before 1/7/2025, so only G1's 125 (2025-Q1) is carried; G3 closed.
/// The default figure never carries: 2025-Q2 has no value.
/// </summary>
public sealed class CarryForwardTests
{
    private static MetricsFixture Build()
    {
        var f = new MetricsFixture();
        f.Report("G1", "2024-Q4", ("members", 120));
        f.Report("G2", "2024-Q4", ("members", 50));
        f.Report("G3", "2024-Q4", ("members", 10));
        f.Report("G4", "2024-Q2", ("members", 30));
        f.Report("G1", "2025-Q1", ("members", 125));
        return f;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AMissingStockIsCarriedFromTheLastReportWithinTheBoundAndCounted(bool refreshFirst)
    {
        using var f = Build();
        if (refreshFirst) MetricTables.Refresh(f.Connection);
        var m = new Metrics(f.Connection);

        var q1 = m.CarryForward("members", "AAA-D1", "2025-Q1");
        Assert.Equal((125.0, 60.0, 185.0, 1, 2, 3), (q1.Reported, q1.Carried, q1.Value, q1.ReportingUnits, q1.CarriedUnits, q1.ActiveGrassroots));
        Assert.Equal(1 / 3.0, q1.ReportingShare);
        Assert.True(q1.Incomplete);
        Assert.Equal(m.Get("members", "AAA-D1", "2025-Q1").Value, q1.Reported);

        var asWas = m.CarryForward("members", "AAA-D1", "2025-Q1", Hierarchy.AsWas);
        Assert.Equal((125.0, 50.0), (asWas.Reported, asWas.Carried));
        Assert.Equal(10.0, m.CarryForward("members", "BBB-D2", "2025-Q1", Hierarchy.AsWas).Carried);

        var q2 = m.CarryForward("members", "AAA-D1", "2025-Q2");
        Assert.Equal((null, 185.0, 0, 3), (q2.Reported, q2.Carried, q2.ReportingUnits, q2.CarriedUnits));
        Assert.Null(m.Get("members", "AAA-D1", "2025-Q2").Value);

        var q3 = m.CarryForward("members", "AAA-D1", "2025-Q3");
        Assert.Equal((125.0, 1, 2), (q3.Carried!.Value, q3.CarriedUnits, q3.ActiveGrassroots));

        var year = m.CarryForward("members", "AAA-D1", "2024");
        Assert.Equal((180.0, (double?)null, 3, 0), (year.Reported!.Value, year.Carried, year.ReportingUnits, year.CarriedUnits));
        Assert.False(year.Incomplete);
    }

    [Fact]
    public void TheViewGivesTheEnginesFiguresForTheRefreshedPeriods()
    {
        using var f = Build();
        MetricTables.Refresh(f.Connection);
        var m = new Metrics(f.Connection);

        foreach (var (unit, h, code) in new[] { ("AAA-D1", Hierarchy.AsIs, "as-is"), ("TLD", Hierarchy.AsIs, "as-is"), ("AAA-D1", Hierarchy.AsWas, "as-was"), ("BBB-D2", Hierarchy.AsWas, "as-was") })
        {
            var engine = m.CarryForward("members", unit, "2025-Q1", h);
            using var reader = f.Connection.Query("""
                SELECT sum(value), sum(reported_value), sum(carried_value), sum(carried_units)::INTEGER FROM v_rollup_carry_forward
                WHERE hierarchy = $1 AND unit_code = $2 AND period_code = '2025-Q1' AND indicator_code = 'members'
                """, code, unit);
            Assert.True(reader.Read());
            Assert.Equal(engine.Value, reader.IsDBNull(0) ? null : reader.GetDouble(0));
            Assert.Equal(engine.Reported, reader.IsDBNull(1) ? null : reader.GetDouble(1));
            Assert.Equal(engine.Carried, reader.IsDBNull(2) ? null : reader.GetDouble(2));
            Assert.Equal(engine.CarriedUnits, reader.IsDBNull(3) ? 0 : reader.GetInt32(3));
        }
        // The default view is untouched: reported values only.
        Assert.Equal(125.0, f.Connection.Scalar<double>("SELECT sum(value) FROM v_rollup WHERE hierarchy = 'as-is' AND unit_code = 'AAA-D1' AND period_code = '2025-Q1' AND indicator_code = 'members'"));
    }

    [Fact]
    public void OnlyAStockWithTheOptionCanBeAskedForItsCarryForward()
    {
        using var f = Build();
        var m = new Metrics(f.Connection);
        Assert.Throws<ArgumentException>(() => m.CarryForward("members_admitted", "AAA-D1", "2025-Q1"));
    }
}
