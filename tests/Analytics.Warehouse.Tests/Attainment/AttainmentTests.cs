using Analytics.Warehouse.Tests.Figures;
using Analytics.Warehouse.Refresh;
using Analytics.Warehouse.Figures;
using Analytics.Warehouse.Attainment;
using Analytics.Warehouse.Plans;

namespace Analytics.Warehouse.Tests.Attainment;

// Inside Analytics.Warehouse the simple name Attainment is the namespace; here it names the type.
using Attainment = Analytics.Warehouse.Attainment.Attainment;

public sealed class AttainmentTests
{
    // A plan of AAA covering every shape, over the fixture below (all figures as-is for AAA, worked by hand):
    //   members_admitted: 2023 = 50 (G1 30, G4 20), 2024 = 82; members 2024 = 180 of workers 400 (45%);
    //   cba_coverage 2024 = 2/3; party_introduced 2024 = 3 over 3 active CĐCS = 1.0.
    private const string PlanJson = """
        {
          "plan_id": "900", "issuer_code": "AAA", "issuer_name": "LĐLĐ AAA", "issued_on": "2023-01-01", "term": "2023-2026",
          "title_vi": "Kế hoạch thử", "title_en": "Test plan", "source": "test",
          "targets": [
            { "id": "900-T01", "group": "membership", "text_vi": "Tỷ lệ đoàn viên ≥ 50%", "text_en": "Membership ≥ 50%", "short_vi": "Tỷ lệ đoàn viên ≥ 50%", "short_en": "Membership ≥ 50%",
              "shape": "rate", "measure": "share", "indicator": "membership_rate", "comparison": ">=", "value": 0.5, "basis": "each_year" },
            { "id": "900-T02", "group": "membership", "text_vi": "Kết nạp 70 - 90", "text_en": "70 to 90 new members", "short_vi": "Kết nạp 70 - 90", "short_en": "70 to 90 new members",
              "shape": "range", "measure": "count", "indicator": "members_admitted", "comparison": "between", "min": 70, "max": 90, "basis": "each_year" },
            { "id": "900-T03", "group": "membership", "text_vi": "Kết nạp 200 trong 2023-2025", "text_en": "200 in 2023-2025", "short_vi": "Kết nạp 200 trong 2023-2025", "short_en": "200 in 2023-2025",
              "shape": "cumulative", "measure": "count", "indicator": "members_admitted", "comparison": ">=", "value": 200, "basis": "term", "to_year": 2025 },
            { "id": "900-T04", "group": "membership", "text_vi": "Kết nạp 190 trong 2023-2025", "text_en": "190 in 2023-2025", "short_vi": "Kết nạp 190 trong 2023-2025", "short_en": "190 in 2023-2025",
              "shape": "cumulative", "measure": "count", "indicator": "members_admitted", "comparison": ">=", "value": 190, "basis": "term", "to_year": 2025 },
            { "id": "900-T05", "group": "membership", "text_vi": "Kết nạp 100 trong 2023-2025", "text_en": "100 in 2023-2025", "short_vi": "Kết nạp 100 trong 2023-2025", "short_en": "100 in 2023-2025",
              "shape": "cumulative", "measure": "count", "indicator": "members_admitted", "comparison": ">=", "value": 100, "basis": "term", "to_year": 2025 },
            { "id": "900-T06", "group": "party", "text_vi": "Mỗi CĐCS giới thiệu 1", "text_en": "1 per CĐCS", "short_vi": "Mỗi CĐCS giới thiệu 1", "short_en": "1 per CĐCS",
              "shape": "per_unit", "measure": "average", "indicator": "party_introduced_per_cdcs", "comparison": ">=", "value": 1, "basis": "each_year" },
            { "id": "900-T07", "group": "cba", "text_vi": "Đến 2024, 60% TƯLĐTT", "text_en": "60% CBA by 2024", "short_vi": "Đến 2024, 60% TƯLĐTT", "short_en": "60% CBA by 2024",
              "shape": "milestone", "measure": "share", "indicator": "cba_coverage", "comparison": ">=", "value": 0.6, "basis": "by_date", "due": "2024-12-31" },
            { "id": "900-T08", "group": "cba", "text_vi": "Đến 2024, 70% TƯLĐTT", "text_en": "70% CBA by 2024", "short_vi": "Đến 2024, 70% TƯLĐTT", "short_en": "70% CBA by 2024",
              "shape": "milestone", "measure": "share", "indicator": "cba_coverage", "comparison": ">=", "value": 0.7, "basis": "by_date", "due": "2024-12-31" },
            { "id": "900-T09", "group": "membership", "text_vi": "Kết nạp 100 năm 2026", "text_en": "100 in 2026", "short_vi": "Kết nạp 100 năm 2026", "short_en": "100 in 2026",
              "shape": "cumulative", "measure": "count", "indicator": "members_admitted", "comparison": ">=", "value": 100, "basis": "term", "from_year": 2026 },
            { "id": "900-T10", "group": "economy", "text_vi": "GRDP", "text_en": "GRDP", "short_vi": "GRDP", "short_en": "GRDP",
              "shape": "rate", "measure": "share", "comparison": ">=", "value": 0.1, "basis": "each_year", "measured": false, "not_measured_reason": "not in submissions", "not_measured_reason_vi": "không có trong báo cáo" },
            { "id": "900-T11", "group": "communication", "text_vi": "80% được quán triệt", "text_en": "80% informed", "short_vi": "80% được quán triệt", "short_en": "80% informed",
              "shape": "rate", "measure": "share", "numerator": "workers_informed", "denominator": "workers", "comparison": ">=", "value": 0.8, "basis": "each_year" }
          ]
        }
        """;

    private static (MetricsFixture Fixture, Attainment Attainment) Build()
    {
        var f = new MetricsFixture();
        f.Report("G1", "2023", ("members_admitted", 30));
        f.Report("G4", "2023", ("members_admitted", 20));
        f.Report("G1", "2024", ("members_admitted", 40));
        f.Report("G2", "2024", ("members_admitted", 24));
        f.Report("G3", "2024", ("members_admitted", 12));
        f.Report("G4", "2024-H1", ("members_admitted", 6));
        f.Report("G1", "2024-Q4", ("members", 120), ("workers", 200), ("cba_signed", 1), ("party_introduced", 2));
        f.Report("G2", "2024-Q4", ("members", 50), ("workers", 100), ("cba_signed", 1), ("party_introduced", 1));
        f.Report("G3", "2024-Q4", ("members", 10), ("workers", 100), ("cba_signed", 0));
        var catalog = PlanCatalog.Of([PlanCatalog.Parse(PlanJson, "900_test.json")]);
        return (f, new Attainment(f.Connection, catalog));
    }

    [Fact]
    public void EachTargetShapeGetsItsFigureAndStatusAsWorkedByHand()
    {
        var (f, attainment) = Build();
        using var _ = f;
        // 1 Feb 2025: no quarter of 2025 has ended, so yearly targets look at 2024 (complete);
        // the term 2023-2025 has 731 of 1,096 days behind it (2023 and 2024 reported).
        var rows = attainment.Evaluate("900", null, new DateOnly(2025, 2, 1)).ToDictionary(r => r.TargetId);

        Assert.Equal((AttainmentStatus.Missed, 0.45), (rows["900-T01"].Status, Math.Round(rows["900-T01"].Actual!.Value, 4)));
        Assert.Equal((AttainmentStatus.Achieved, 82.0), (rows["900-T02"].Status, rows["900-T02"].Actual!.Value));
        // 50 + 82 = 132 so far; 132 / (731/1096) = 197.9 by the end of 2025.
        Assert.Equal(132, rows["900-T03"].Actual);
        Assert.Equal(197.9, Math.Round(rows["900-T03"].Projected!.Value, 1));
        Assert.Equal(AttainmentStatus.AtRisk, rows["900-T03"].Status);   // 197.9 < 200
        Assert.Equal(AttainmentStatus.OnTrack, rows["900-T04"].Status);  // 197.9 ≥ 190
        Assert.Equal(AttainmentStatus.Achieved, rows["900-T05"].Status); // 132 ≥ 100 already
        Assert.Equal((AttainmentStatus.Achieved, 1.0), (rows["900-T06"].Status, rows["900-T06"].Actual!.Value));
        Assert.Equal(AttainmentStatus.Achieved, rows["900-T07"].Status); // 2/3 ≥ 60%
        Assert.Equal(AttainmentStatus.Missed, rows["900-T08"].Status);   // 2/3 < 70%
        Assert.Equal(AttainmentStatus.NotYetDue, rows["900-T09"].Status);
        Assert.Equal(AttainmentStatus.NotMeasured, rows["900-T10"].Status);
        Assert.Equal(AttainmentStatus.NoData, rows["900-T11"].Status);
        Assert.Equal("2024", rows["900-T01"].PeriodCode);
        Assert.Contains("180 / 400", rows["900-T01"].ExplanationEn, StringComparison.Ordinal);
        Assert.Equal(0.9, rows["900-T01"].Ratio!.Value, 10);
    }

    [Fact]
    public void AYearStillRunningIsOnTrackOrAtRiskOnItsPaceSoFar()
    {
        var (f, attainment) = Build();
        using var _ = f;
        f.Report("G1", "2025-Q1", ("members_admitted", 10));
        f.Report("G1", "2025-Q2", ("members_admitted", 10));
        // 20 Aug 2025: H1 complete; 20 new members in half a year → 40 for the year, outside 70–90.
        var row = attainment.Evaluate("900", "AAA", new DateOnly(2025, 8, 20)).Single(r => r.TargetId == "900-T02");

        Assert.Equal("2025-H1", row.PeriodCode);
        Assert.Equal(20, row.Actual);
        Assert.Equal(40, row.Projected);
        Assert.Equal(AttainmentStatus.AtRisk, row.Status);
    }

    [Fact]
    public void EveryTargetOfTheSeedPlansGetsAStatusForItsIssuer()
    {
        using var f = new MetricsFixture();
        foreach (var (id, code, parent, level) in new[] { (20, "LCH", "TLD", 1), (21, "THA", "TLD", 1), (22, "HNI", "TLD", 1), (23, "HNI-LBN", "HNI", 2), (24, "HNI-GLM", "HNI", 2) })
            f.Unit(id, code, parent, level, null, "2020-01-01", null, null);
        f.Unit(30, "HNI-GLM-0001", "HNI-GLM", 3, "private", "2020-01-01", null, null);
        f.Report("HNI-GLM-0001", "2024-Q4", ("members", 10), ("workers", 20), ("cba_signed", 1));
        var attainment = new Attainment(f.Connection);

        var rows = PlanCatalog.Embedded.Plans.SelectMany(p => attainment.Evaluate(p.PlanId, null, new DateOnly(2025, 2, 1))).ToList();

        Assert.Equal(114, rows.Count);
        Assert.Equal(13, rows.Count(r => r.Status == AttainmentStatus.NotMeasured));
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.ExplanationVi), r.TargetId));
        // Gia Lâm's CBA milestones: nothing was reported for 2023 (no data); for 2025 the last full year, 2024, has 1 of 1 (on track).
        Assert.Equal(AttainmentStatus.NoData, rows.Single(r => r.TargetId == "004-T23").Status);
        var t30 = rows.Single(r => r.TargetId == "004-T30");
        Assert.Equal((AttainmentStatus.OnTrack, "2024", 1.0), (t30.Status, t30.PeriodCode, t30.Actual!.Value));
    }

    [Fact]
    public void SizeRestrictedTargetsKeepOnlyEnterprisesWithEnoughWorkersEachSizeOnItsOwn()
    {
        var (f, _) = Build();
        using var __ = f;
        // Eligible enterprises are reported by the district (upper level, never filtered by size): 4.
        // Unionised at the end of 2024 (soe/private grassroots): G1 200 workers, G2 100, G3 100 (G4 is public).
        // >= 150 workers: G1 only -> 1/4; >= 100: all three -> 3/4; no size: 3/4.
        f.Report("AAA-D1", "2024-Q4", ("enterprises_eligible", 4));
        MetricTables.Refresh(f.Connection);
        static string Target(string id, int? minWorkers) => $$"""
            { "id": "{{id}}", "group": "organisation", "text_vi": "Có công đoàn", "text_en": "Unionised", "short_vi": "Có công đoàn", "short_en": "Unionised",
              "shape": "milestone", "measure": "share", "indicator": "union_coverage", "comparison": ">=", "value": 0.5,
              "basis": "by_date", "due": "2024-12-31"{{(minWorkers is { } m ? $", \"min_workers\": {m}" : "")}} }
            """;
        var json = $$"""
            { "plan_id": "902", "issuer_code": "AAA", "issuer_name": "LĐLĐ AAA", "issued_on": "2023-01-01", "term": "2023-2025",
              "title_vi": "Thử", "title_en": "Test", "source": "test",
              "targets": [ {{Target("902-T01", 150)}}, {{Target("902-T02", 100)}}, {{Target("902-T03", null)}} ] }
            """;
        var attainment = new Attainment(f.Connection, PlanCatalog.Of([PlanCatalog.Parse(json, "902_test.json")]));

        var rows = attainment.Evaluate("902", null, new DateOnly(2025, 2, 1)).ToDictionary(r => r.TargetId);

        Assert.Equal((1.0, 4.0, AttainmentStatus.Missed), (rows["902-T01"].Numerator!.Value, rows["902-T01"].Denominator!.Value, rows["902-T01"].Status));
        Assert.Equal((3.0, 4.0, AttainmentStatus.Achieved), (rows["902-T02"].Numerator!.Value, rows["902-T02"].Denominator!.Value, rows["902-T02"].Status));
        Assert.Equal((3.0, 4.0), (rows["902-T03"].Numerator!.Value, rows["902-T03"].Denominator!.Value));
    }
}
