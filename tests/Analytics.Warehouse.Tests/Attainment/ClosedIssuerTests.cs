using Analytics.Warehouse.Tests.Figures;
using Analytics.Warehouse.Refresh;
using Analytics.Warehouse.Vocabulary;
using Analytics.Warehouse.Figures;
using Analytics.Warehouse.Attainment;
using Analytics.Warehouse.Plans;

namespace Analytics.Warehouse.Tests.Attainment;

// Inside Analytics.Warehouse the simple name Attainment is the namespace; here it names the type.
using Attainment = Analytics.Warehouse.Attainment.Attainment;

/// <summary>
/// A plan whose issuer closed in a reorganisation (like Gia Lâm, HNI-GLM, closed 2025-06-30 with a
/// successor). The fixture's BBB-D2 closes 2025-06-30 with successor AAA-D1; CCC-D3 is added here,
/// closed 2023-12-31 with successor BBB-D2, so its successor chain is two steps long.
/// </summary>
public sealed class ClosedIssuerTests
{
    private const string PlanJson = """
        {
          "plan_id": "901", "issuer_code": "BBB-D2", "issuer_name": "LĐLĐ BBB-D2", "issued_on": "2021-01-01", "term": "2021-2030",
          "title_vi": "Kế hoạch thử", "title_en": "Test plan", "source": "test",
          "targets": [
            { "id": "901-T01", "group": "membership", "text_vi": "Kết nạp 70 - 90", "text_en": "70 to 90 new members", "short_vi": "Kết nạp 70 - 90", "short_en": "70 to 90 new members",
              "shape": "range", "measure": "count", "indicator": "members_admitted", "comparison": "between", "min": 70, "max": 90, "basis": "each_year" },
            { "id": "901-T02", "group": "economy", "text_vi": "GRDP", "text_en": "GRDP", "short_vi": "GRDP", "short_en": "GRDP",
              "shape": "rate", "measure": "share", "comparison": ">=", "value": 0.1, "basis": "each_year", "measured": false, "not_measured_reason": "not in submissions", "not_measured_reason_vi": "không có trong báo cáo" }
          ]
        }
        """;

    private static readonly DateOnly AsOf = new(2026, 2, 1);

    // members_admitted in 2025, worked by hand:
    //   G1 (AAA-D1) 40, G2 (AAA-D1 since 2024-07-01) 24, G3 (BBB-D2 until it closed 2025-06-30; successor G1) 5 in Q1 + 7 in Q2.
    //   As-is, AAA-D1 holds all four: 40 + 24 + 5 + 7 = 76. As-was, BBB-D2's 2025 is G3's first half only: 12.
    private static (MetricsFixture Fixture, Attainment Attainment) Build(string issuer)
    {
        var f = new MetricsFixture();
        f.Unit(10, "CCC-D3", "BBB", 2, null, "2020-01-01", "2023-12-31", "BBB-D2");
        f.Report("G1", "2025", ("members_admitted", 40));
        f.Report("G2", "2025", ("members_admitted", 24));
        f.Report("G3", "2025-Q1", ("members_admitted", 5));
        f.Report("G3", "2025-Q2", ("members_admitted", 7));
        var plan = PlanCatalog.Parse(PlanJson.Replace("\"issuer_code\": \"BBB-D2\"", $"\"issuer_code\": \"{issuer}\"", StringComparison.Ordinal), "901_test.json");
        return (f, new Attainment(f.Connection, PlanCatalog.Of([plan])));
    }

    [Fact]
    public void AsIsAClosedIssuersTargetIsEvaluatedOnItsSuccessorAndTheExplanationSaysSo()
    {
        var (f, attainment) = Build("BBB-D2");
        using var _ = f;

        var rows = attainment.Evaluate("901", null, AsOf).ToDictionary(r => r.TargetId);

        var row = rows["901-T01"];
        Assert.Equal(("BBB-D2", "AAA-D1", "2025", 76.0, AttainmentStatus.Achieved), (row.UnitCode, row.EvaluatedOn, row.PeriodCode, row.Actual!.Value, row.Status));
        Assert.StartsWith("Đơn vị BBB-D2 (BBB-D2) closed 2025-06-30; evaluated on its successor Đơn vị AAA-D1 (AAA-D1).", row.ExplanationEn, StringComparison.Ordinal);
        Assert.Contains("đơn vị kế thừa Đơn vị AAA-D1 (AAA-D1)", row.ExplanationVi, StringComparison.Ordinal);
        // A target that cannot be measured says only that.
        Assert.DoesNotContain("AAA-D1", rows["901-T02"].ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public void AsIsTheSuccessorChainIsFollowedToTheUnitActiveToday()
    {
        var (f, attainment) = Build("CCC-D3");
        using var _ = f;

        var row = attainment.Evaluate("901", null, AsOf).Single(r => r.TargetId == "901-T01");

        Assert.Equal(("CCC-D3", "AAA-D1", 76.0), (row.UnitCode, row.EvaluatedOn, row.Actual!.Value));
        Assert.Contains("closed 2023-12-31; evaluated on its successor Đơn vị AAA-D1 (AAA-D1) (through BBB-D2)", row.ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public void AsIsAUnitClosedWithoutSuccessorIsEvaluatedOnItsLastParentsCurrentPlace()
    {
        var (f, attainment) = Build("DDD-D4");
        using var _ = f;
        // DDD-D4 sat under AAA and closed at the end of 2024 with no successor: as-is its values go to AAA,
        // so its targets are read over AAA's subtree today: 76 new members in 2025, as under AAA-D1.
        f.Unit(11, "DDD-D4", "AAA", 2, null, "2020-01-01", "2024-12-31", null);

        var row = attainment.Evaluate("901", null, AsOf).Single(r => r.TargetId == "901-T01");

        Assert.Equal(("DDD-D4", "AAA", 76.0), (row.UnitCode, row.EvaluatedOn, row.Actual!.Value));
        Assert.Contains("closed 2024-12-31; evaluated on the unit that holds its units today (no successor: its last parent's current place) Đơn vị AAA (AAA)",
            row.ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public void AsWasAClosedIssuerKeepsItsOwnSubtreeAsItStood()
    {
        var (f, attainment) = Build("BBB-D2");
        using var _ = f;

        var row = attainment.Evaluate("901", null, AsOf, Hierarchy.AsWas).Single(r => r.TargetId == "901-T01");

        Assert.Equal(("BBB-D2", 12.0, AttainmentStatus.Missed), (row.EvaluatedOn, row.Actual!.Value, row.Status));
        Assert.DoesNotContain("closed", row.ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public void AnActiveUnitIsEvaluatedOnItself()
    {
        var (f, attainment) = Build("AAA-D1");
        using var _ = f;

        var row = attainment.Evaluate("901", null, AsOf).Single(r => r.TargetId == "901-T01");

        Assert.Equal(("AAA-D1", 76.0), (row.EvaluatedOn, row.Actual!.Value));
        Assert.StartsWith("2025: 76", row.ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRefreshedAttainmentViewNamesTheUnitEvaluated()
    {
        var (f, _) = Build("BBB-D2");
        using var __ = f;
        var plans = PlanCatalog.Of([PlanCatalog.Parse(PlanJson, "901_test.json")]);
        plans.Sync(f.Connection);

        MetricTables.Refresh(f.Connection, AsOf, plans);

        Assert.Equal("AAA-D1", f.Connection.Scalar<string>("SELECT evaluated_on FROM v_attainment WHERE target_id = '901-T01'"));
        Assert.Equal(76.0, f.Connection.Scalar<double>("SELECT actual FROM v_attainment WHERE target_id = '901-T01'"));
    }
}
