using Analytics.Warehouse.Refresh;
using Analytics.Warehouse.Vocabulary;
using Analytics.Warehouse.Figures;

namespace Analytics.Warehouse.Tests.Figures;

public sealed class MetricsTests
{
    // 2024 new members (flow), worked by hand:
    //   G1: Q1..Q4 10 each AND the year 40 (both sent)      → 40, not 80
    //   G2: Q1 5, Q2 5 under BBB-D2; Q3 7, Q4 7 under AAA-D1 → 24 (as-was: 10 to BBB-D2, 14 to AAA-D1)
    //   G3: H1 8 and Q1 2 (inside H1), Q3 4                   → 12 (as-is: merged into G1, so AAA-D1)
    //   G4: Q1 3, Q2 3, dissolved 30/6 without successor     → 6  (as-is: its last parent AAA-D1)
    // as-is AAA-D1 = 40 + 24 + 12 + 6 = 82; as-was AAA-D1 = 40 + 14 + 6 = 60, BBB-D2 = 10 + 12 = 22.
    // 2023: G1 year 30, G4 year 20 → AAA 50; like-for-like 2023–2024 drops G4 (not active over the window).
    private static MetricsFixture Build()
    {
        var f = new MetricsFixture();
        foreach (var q in new[] { "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4" }) f.Report("G1", q, ("members_admitted", 10));
        f.Report("G1", "2024", ("members_admitted", 40), ("rating", "tot"));
        f.Report("G1", "2023", ("members_admitted", 30));
        f.Report("G2", "2024-Q1", ("members_admitted", 5));
        f.Report("G2", "2024-Q2", ("members_admitted", 5));
        f.Report("G2", "2024-Q3", ("members_admitted", 7));
        f.Report("G2", "2024-Q4", ("members_admitted", 7), ("members", 50), ("workers", 100), ("cba_signed", 1), ("party_introduced", 1));
        f.Report("G2", "2024", ("rating", "hoan_thanh"));
        f.Report("G3", "2024-H1", ("members_admitted", 8));
        f.Report("G3", "2024-Q1", ("members_admitted", 2));
        f.Report("G3", "2024-Q3", ("members_admitted", 4));
        f.Report("G3", "2024-Q4", ("members", 10), ("workers", 100), ("cba_signed", 0));
        f.Report("G3", "2024", ("rating", "xuat_sac"));
        f.Report("G4", "2024-Q1", ("members_admitted", 3));
        f.Report("G4", "2024-Q2", ("members_admitted", 3), ("members", 30), ("workers", 30));
        f.Report("G4", "2023", ("members_admitted", 20));
        // Stocks: G1 reported twice in 2024; the latest (Q4) counts. The replaced Q4 version never does.
        f.Report("G1", "2024-Q2", ("members", 100), ("workers", 200));
        f.Report("G1", "2024-Q4", ("members", 120), ("workers", 200), ("cba_signed", 1), ("party_introduced", 2));
        f.OldVersion("G1", "2024-Q4", ("members", 999), ("workers", 999));
        return f;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AFlowOverAYearCountsEachUnitOnceWhetherItSentTheYearQuartersOrAHalf(bool refreshFirst)
    {
        using var f = Build();
        if (refreshFirst) MetricTables.Refresh(f.Connection);
        var m = new Metrics(f.Connection);

        Assert.Equal(40, m.Get("members_admitted", "G1", "2024", Hierarchy.AsWas).Value);
        Assert.Equal(12, m.Get("members_admitted", "G3", "2024", Hierarchy.AsWas).Value);
        Assert.Equal(82, m.Get("members_admitted", "AAA-D1", "2024").Value);
        Assert.Equal(82, m.Get("members_admitted", "TLD", "2024", Hierarchy.AsWas).Value);
    }

    [Fact]
    public void AsWasSplitsTheYearOfAUnitThatMovedInJulyBetweenItsOldAndNewParent()
    {
        using var f = Build();
        var m = new Metrics(f.Connection);

        Assert.Equal(60, m.Get("members_admitted", "AAA-D1", "2024", Hierarchy.AsWas).Value);
        Assert.Equal(22, m.Get("members_admitted", "BBB-D2", "2024", Hierarchy.AsWas).Value);
        Assert.Equal(22, m.Get("members_admitted", "BBB", "2024", Hierarchy.AsWas).Value);
        Assert.Equal(10, m.Get("members_admitted", "G2", "2024-H1", Hierarchy.AsWas).Value);
    }

    [Fact]
    public void AsIsRestatesClosedUnitsOnTheirSuccessorOrTheirLastParentsCurrentPlace()
    {
        using var f = Build();
        var m = new Metrics(f.Connection);

        Assert.Equal(82, m.Get("members_admitted", "AAA", "2024").Value);
        Assert.Null(m.Get("members_admitted", "BBB", "2024").Value);   // closed: nothing is restated onto it
        Assert.Equal(40 + 12, m.Get("members_admitted", "G1", "2024").Value); // G3 merged into G1
        Assert.Equal(50, m.Get("members_admitted", "AAA", "2023").Value);
    }

    // A closed unit's own figure for a period it reported is what it reported, in both hierarchies:
    //   G3 (merged into G1 on 30/6/2025): 2024 new members 8 + 4 = 12 (H1 covers its Q1), members at 2024 end 10;
    //   G4 (dissolved 30/6/2024): H1 3 + 3 = 6.
    // Its values still roll up as-is to where they belong today (G1, AAA-D1), counted once: AAA-D1 stays 82.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AClosedUnitKeepsItsOwnFigureUnderBothHierarchies(bool refreshFirst)
    {
        using var f = Build();
        if (refreshFirst) MetricTables.Refresh(f.Connection);
        var m = new Metrics(f.Connection);

        foreach (var h in new[] { Hierarchy.AsIs, Hierarchy.AsWas })
        {
            Assert.Equal(12, m.Get("members_admitted", "G3", "2024", h).Value);
            Assert.Equal(10, m.Get("members", "G3", "2024-Q4", h).Value);
            Assert.Equal(6, m.Get("members_admitted", "G4", "2024-H1", h).Value);
        }
        Assert.Equal(82, m.Get("members_admitted", "AAA-D1", "2024").Value);
        Assert.Equal(82, m.Get("members_admitted", "TLD", "2024").Value);
        Assert.Equal(40 + 12, m.Get("members_admitted", "G1", "2024").Value);
        Assert.Null(m.Get("members_admitted", "BBB", "2024").Value); // closed, and reported nothing itself

        if (!refreshFirst) return;
        // The analyst view gives the same figures.
        Assert.Equal(12.0, f.Connection.Scalar<double>("SELECT sum(value) FROM v_rollup WHERE hierarchy = 'as-is' AND unit_code = 'G3' AND period_code = '2024' AND indicator_code = 'members_admitted'"));
        Assert.Equal(82.0, f.Connection.Scalar<double>("SELECT sum(value) FROM v_rollup WHERE hierarchy = 'as-is' AND unit_code = 'TLD' AND period_code = '2024' AND indicator_code = 'members_admitted'"));
    }

    [Fact]
    public void APeriodAfterAClosureIsExplainedWithTheDateAndTheSuccessor()
    {
        using var f = Build();

        var merged = UnitClosure.Before(f.Connection, "G3", "2025-Q3");
        Assert.NotNull(merged);
        Assert.Equal(new DateOnly(2025, 6, 30), merged.ClosedOn);
        Assert.Equal("G1", merged.SuccessorCode);
        Assert.Equal("G3 đã sáp nhập vào G1 (Đơn vị G1) ngày 30/06/2025, trước kỳ 2025-Q3; số liệu sau ngày đó thuộc G1.", merged.Message("2025-Q3", english: false));
        Assert.Equal("G3 merged into G1 (Đơn vị G1) on 2025-06-30, before 2025-Q3; its figures after that date are G1's.", merged.Message("2025-Q3", english: true));
        Assert.Null(UnitClosure.Before(f.Connection, "G3", "2025-Q2"));   // active for the whole quarter
        Assert.Null(UnitClosure.Before(f.Connection, "G3", "2025"));      // active for half the year
        Assert.Null(UnitClosure.Before(f.Connection, "G1", "2025-Q3"));   // never closed

        var dissolved = UnitClosure.Before(f.Connection, "G4", "2024-Q3");
        Assert.NotNull(dissolved);
        Assert.Null(dissolved.SuccessorCode);
        Assert.Equal("G4 đã giải thể ngày 30/06/2024, trước kỳ 2024-Q3; không có số liệu cho kỳ này.", dissolved.Message("2024-Q3", english: false));
    }

    [Fact]
    public void AStockTakesTheLatestReportOfEachUnitStillActiveAtThePeriodsEnd()
    {
        using var f = Build();
        var m = new Metrics(f.Connection);

        // G1 120 (Q4, not Q2's 100, not the replaced 999) + G2 50 + G3 10; G4 dissolved in June counts in H1 only.
        Assert.Equal(180, m.Get("members", "AAA", "2024").Value);
        Assert.Equal(100 + 30 + 0, m.Get("members", "AAA-D1", "2024-H1", Hierarchy.AsWas).Value);
    }

    [Fact]
    public void ARateIsTheRatioOfSumsNotTheMeanOfUnitRates()
    {
        using var f = Build();
        var m = new Metrics(f.Connection);

        // Σ members / Σ workers = 180 / 400 = 0.45; the mean of 120/200, 50/100, 10/100 would be 0.40.
        var rate = m.Get("membership_rate", "AAA", "2024");
        Assert.Equal(180, rate.Numerator);
        Assert.Equal(400, rate.Denominator);
        Assert.Equal(0.45, rate.Value!.Value, 10);
        // CBA coverage: G1 and G2 signed, enterprises with a union at 31/12: G1, G2, G3 (G4 is public).
        var cba = m.Get("cba_coverage", "AAA", "2024");
        Assert.Equal((2.0, 3.0), (cba.Numerator!.Value, cba.Denominator!.Value));
    }

    [Fact]
    public void TheShareRatedGoodOrBetterCanBeFilteredBySector()
    {
        using var f = Build();
        var m = new Metrics(f.Connection);

        Assert.Equal(2.0 / 3, m.Get("rated_good_plus_share", "TLD", "2024").Value!.Value, 10);
        Assert.Equal(1.0, m.Get("rated_good_plus_share", "TLD", "2024", sectors: ["private"]).Value);
        Assert.Equal(0.0, m.Get("rated_good_plus_share", "TLD", "2024", sectors: ["soe"]).Value);
        Assert.Equal(3, m.Get("party_introduced_per_cdcs", "AAA", "2024").Numerator); // G1 2 + G2 1
        Assert.Equal(1.0, m.Get("party_introduced_per_cdcs", "AAA", "2024").Value); // 3 introduced / 3 active CĐCS
    }

    [Fact]
    public void LikeForLikeKeepsOnlyUnitsActiveOverTheWholeWindow()
    {
        using var f = Build();
        var m = new Metrics(f.Connection);

        var all = m.Trend("members_admitted", "AAA", 2023, 2024);
        var lfl = m.Trend("members_admitted", "AAA", 2023, 2024, likeForLike: true);

        Assert.Equal([50.0, 82.0], all.Select(p => p.Value.Value!.Value));
        Assert.Equal(32, all[1].Change);
        Assert.Equal([30.0, 76.0], lfl.Select(p => p.Value.Value!.Value));
    }

    [Fact]
    public void ForChildrenGivesOneFigurePerChildInTheChosenHierarchy()
    {
        using var f = Build();
        var m = new Metrics(f.Connection);

        var asWas = m.ForChildren("members_admitted", "TLD", "2024", Hierarchy.AsWas);
        Assert.Equal([("AAA", 60.0), ("BBB", 22.0)], asWas.Select(v => (v.UnitCode, v.Value!.Value)));
        var asIs = m.ForChildren("members_admitted", "TLD", "2024");
        Assert.Equal([("AAA", 82.0)], asIs.Select(v => (v.UnitCode, v.Value!.Value)));
    }

    [Fact]
    public void RefreshedTablesGiveTheSameFiguresAsTheFactsAndFollowNewData()
    {
        using var f = Build();
        var m = new Metrics(f.Connection);
        var before = m.Get("members_admitted", "AAA", "2024").Value;
        MetricTables.Refresh(f.Connection);
        Assert.True(MetricTables.IsFresh(f.Connection));
        Assert.Equal(before, new Metrics(f.Connection).Get("members_admitted", "AAA", "2024").Value);

        f.Report("G1", "2024-12", ("members_admitted", 5)); // inside Q4, which G1 sent: still 82
        f.Report("G2", "2024", ("party_introduced", 4));
        Assert.False(MetricTables.IsFresh(f.Connection));
        var after = new Metrics(f.Connection);
        Assert.Equal(82, after.Get("members_admitted", "AAA", "2024").Value);
        Assert.Equal(2 + 4, after.Get("party_introduced", "AAA", "2024").Value); // G2's year replaces nothing: its Q4 (1) is inside it
        Assert.Equal(6, f.Connection.Scalar<double>("SELECT sum(value) FROM v_rollup WHERE hierarchy = 'as-is' AND unit_code = 'AAA' AND period_code = '2024' AND indicator_code = 'party_introduced'"));
    }

    [Fact]
    public void UpperLevelAsIsSumsStoredByTheRefreshEqualTheLeafSummedThroughTheBridge()
    {
        using var f = Build();
        var computed = new Metrics(f.Connection);
        string[] units = ["AAA", "AAA-D1", "TLD"];
        var fromFacts = units.Select(u => computed.Get("rated_good_plus_share", u, "2024").Value).ToList();
        var soeFromFacts = units.Select(u => computed.Get("rated_good_plus_share", u, "2024", sectors: ["soe"]).Value).ToList();
        MetricTables.Refresh(f.Connection);

        // Every (upper-level unit, period, leaf code, sector) sum, both ways; none missing on either side.
        var mismatches = f.Connection.Scalar<long>("""
            WITH r AS (SELECT ancestor_code AS unit_code, period_code, indicator_code, coalesce(sector, '-') AS sector, value FROM metric_asis_rollup),
                 v AS (SELECT unit_code, period_code, indicator_code, coalesce(sector, '-') AS sector, value FROM v_rollup
                       WHERE hierarchy = 'as-is' AND unit_code IN (SELECT unit_code FROM dim_unit WHERE valid_to IS NULL AND level <= 2))
            SELECT count(*) FROM r FULL JOIN v USING (unit_code, period_code, indicator_code, sector) WHERE r.value IS DISTINCT FROM v.value
            """);
        Assert.Equal(0, mismatches);
        Assert.True(f.Connection.Scalar<long>("SELECT count(*) FROM metric_asis_rollup WHERE ancestor_code = 'AAA-D1'") > 5);
        // The engine reads those sums for upper-level units: same figures as computed from the facts before the refresh.
        var stored = new Metrics(f.Connection);
        Assert.Equal(fromFacts, units.Select(u => stored.Get("rated_good_plus_share", u, "2024").Value));
        Assert.Equal(soeFromFacts, units.Select(u => stored.Get("rated_good_plus_share", u, "2024", sectors: ["soe"]).Value));
        // By hand: 2024 ratings G1 tot, G2 hoan_thanh (soe), G3 xuat_sac; as-is all three sit under AAA-D1 today.
        Assert.Equal([2 / 3.0, 2 / 3.0, 2 / 3.0], fromFacts);
        Assert.Equal([0.0, 0.0, 0.0], soeFromFacts);
    }
}
