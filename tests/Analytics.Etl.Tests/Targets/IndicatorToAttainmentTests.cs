using Analytics.Warehouse.Refresh;
using Analytics.Warehouse.ReferenceData;
using Analytics.Etl.Ingest;
using Analytics.Etl.Registry;
using Analytics.Warehouse.Figures;
using Analytics.Warehouse.Attainment;
using Analytics.Warehouse.Plans;
using Xunit;

namespace Analytics.Etl.Tests.Targets;

/// <summary>
/// Hand-worked examples of the indicators the sample now reports, from a submission file through ingest
/// and refresh to a target's status. One district of Lai Châu (seed 000's issuer) with four grassroots
/// unions reports the year 2025; every figure below is worked out by hand from the files.
/// </summary>
public sealed class IndicatorToAttainmentTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2026, 3, 1);

    private readonly string _folder = Directory.CreateTempSubdirectory("analytics-target-paths-").FullName;
    private readonly Analytics.Warehouse.Warehouse _warehouse;
    private readonly DuckDB.NET.Data.DuckDBConnection _connection;
    private readonly PlanCatalog _plans;

    public IndicatorToAttainmentTests()
    {
        _warehouse = Analytics.Warehouse.Warehouse.Open(Path.Combine(_folder, "warehouse.duckdb"));
        _connection = _warehouse.Connect();
        IndicatorCatalog.Default.Sync(_connection);
        var registry = Write("units.csv", """
            unit_code,name,parent_code,level,sector,valid_from,valid_to,successor_code
            TLD,Tổng Liên đoàn Lao động Việt Nam,,0,,2020-01-01,,
            LCH,LĐLĐ tỉnh Lai Châu,TLD,1,,2020-01-01,,
            LCH-TPL,LĐLĐ thành phố Lai Châu,LCH,2,,2020-01-01,,
            LCH-TPL-0001,CĐCS Trường Tiểu học Đoàn Kết,LCH-TPL,3,public,2020-01-01,,
            LCH-TPL-0002,CĐCS Công ty Thủy điện Lai Châu,LCH-TPL,3,soe,2020-01-01,,
            LCH-TPL-0003,CĐCS Công ty TNHH Chè Tam Đường,LCH-TPL,3,private,2020-01-01,,
            LCH-TPL-0004,CĐCS Công ty TNHH Xây dựng Phong Thổ,LCH-TPL,3,private,2020-01-01,,
            """);
        Assert.False(UnitRegistryImport.Import(_connection, registry).Refused);

        // Workers at the end of 2025 come from the fourth quarter's report (a stock: the latest report in the year).
        Ingest("quy-4-2025.csv", """
            unit_code;period;indicator;value
            LCH-TPL-0001;Quý IV/2025;workers;40
            LCH-TPL-0002;Quý IV/2025;workers;1.250
            LCH-TPL-0003;Quý IV/2025;workers;300
            LCH-TPL-0004;Quý IV/2025;workers;60
            LCH-TPL-0001;Quý IV/2025;members;38
            LCH-TPL-0002;Quý IV/2025;members;1.100
            LCH-TPL-0003;Quý IV/2025;members;240
            LCH-TPL-0004;Quý IV/2025;members;45
            """, new DateTime(2025, 12, 10, 2, 0, 0, DateTimeKind.Utc));
        // The year report: the agency holds an officials' conference, the enterprises dialogue and conferences.
        Ingest("nam-2025.csv", """
            unit_code,period,indicator,value
            LCH-TPL-0001,Năm 2025,workers_informed,40
            LCH-TPL-0002,Năm 2025,workers_informed,1.200
            LCH-TPL-0003,Năm 2025,workers_informed,300
            LCH-TPL-0004,Năm 2025,workers_informed,60
            LCH-TPL-0001,Năm 2025,officials_trained,5
            LCH-TPL-0002,Năm 2025,officials_trained,30
            LCH-TPL-0003,Năm 2025,officials_trained,12
            LCH-TPL-0004,Năm 2025,officials_trained,4
            LCH-TPL-0002,Năm 2025,dialogue_held,1
            LCH-TPL-0003,Năm 2025,dialogue_held,1
            LCH-TPL-0004,Năm 2025,dialogue_held,0
            LCH-TPL-0002,Năm 2025,members_partner_benefits,400
            LCH-TPL-0003,Năm 2025,members_partner_benefits,90
            LCH-TPL-0004,Năm 2025,members_partner_benefits,15
            """, new DateTime(2025, 12, 12, 2, 0, 0, DateTimeKind.Utc));
        // The district's own legal cases, quarter by quarter (a flow: the year is the sum).
        Ingest("vu-viec-2025.csv", """
            unit_code,period,indicator,value
            LCH-TPL,2025-Q1,legal_cases,3
            LCH-TPL,2025-Q1,legal_cases_represented,2
            LCH-TPL,2025-Q2,legal_cases,2
            LCH-TPL,2025-Q2,legal_cases_represented,1
            LCH-TPL,2025-Q3,legal_cases,4
            LCH-TPL,2025-Q3,legal_cases_represented,3
            LCH-TPL,2025-Q4,legal_cases,1
            LCH-TPL,2025-Q4,legal_cases_represented,1
            """, new DateTime(2025, 12, 12, 3, 0, 0, DateTimeKind.Utc));

        // Counts with a sector or size filter have no seed target on a new indicator: this plan holds them.
        var plans = Directory.CreateDirectory(Path.Combine(_folder, "plans")).FullName;
        Write(Path.Combine("plans", "900_test.json"), """
            {
              "plan_id": "900", "number": null, "issuer_code": "LCH", "issuer_name": "LĐLĐ tỉnh Lai Châu",
              "issued_on": "2025-01-10", "term": "2025", "title_vi": "Kế hoạch thử", "title_en": "Test plan", "source": "test",
              "targets": [
                { "id": "900-T01", "group": "training", "text_vi": "Tập huấn 40 - 50 cán bộ ở đơn vị từ 100 lao động",
                  "text_en": "Train 40 to 50 officials in units with 100 or more workers", "short_vi": "Tập huấn 40–50 cán bộ", "short_en": "40–50 officials trained",
                  "shape": "range", "measure": "count", "indicator": "officials_trained",
                  "comparison": "between", "min": 40, "max": 50, "basis": "each_year", "min_workers": 100 },
                { "id": "900-T02", "group": "welfare", "text_vi": "100 đoàn viên khu vực ngoài nhà nước được hưởng ưu đãi",
                  "text_en": "100 members in non-state enterprises get partner discounts", "short_vi": "100 đoàn viên hưởng ưu đãi", "short_en": "100 members get partner discounts",
                  "shape": "cumulative", "measure": "count", "indicator": "members_partner_benefits",
                  "comparison": ">=", "value": 100, "basis": "term", "sectors": ["private"] },
                { "id": "900-T03", "group": "legal", "text_vi": "75% vụ việc có đại diện công đoàn",
                  "text_en": "75% of legal cases with a union representative", "short_vi": "75% vụ việc có đại diện CĐ", "short_en": "Union in 75% of legal cases",
                  "shape": "rate", "measure": "share", "numerator": "legal_cases_represented", "denominator": "legal_cases",
                  "comparison": ">=", "value": 0.75, "basis": "each_year" },
                { "id": "900-T04", "group": "legal", "text_vi": "Có đại diện công đoàn trong 3 vụ việc trước 30/6/2025",
                  "text_en": "A union representative in 3 legal cases by 30 June 2025", "short_vi": "3 vụ việc có đại diện CĐ", "short_en": "Union in 3 legal cases",
                  "shape": "milestone", "measure": "count", "indicator": "legal_cases_represented",
                  "comparison": ">=", "value": 3, "basis": "by_date", "due": "2025-06-30" }
              ]
            }
            """);
        _plans = PlanCatalog.Load(plans);
        _plans.Sync(_connection);
        MetricTables.Refresh(_connection);
    }

    public void Dispose()
    {
        _connection.Dispose();
        _warehouse.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void APeopleRateIsTheRatioOfTheSumsNotTheMeanOfTheUnitsRates()
    {
        // 000-T01, "trên 98% CNVCLĐ được quán triệt": (40 + 1,200 + 300 + 60) / (40 + 1,250 + 300 + 60) = 1,600 / 1,650.
        // Three units reach everyone and the mean of the four rates is 99.0 %, but the sums give 96.97 %: missed.
        var row = Evaluate("000-T01");

        Assert.Equal("2025", row.PeriodCode);
        Assert.Equal((1600.0, 1650.0), (row.Numerator, row.Denominator));
        Assert.Equal(1600.0 / 1650.0, row.Actual!.Value, 9);
        Assert.Equal(AttainmentStatus.Missed, row.Status);
    }

    [Fact]
    public void AUnitShareWithASectorFilterCountsOnlyTheEnterprisesInItsDenominator()
    {
        // 000-T05, "75% doanh nghiệp tổ chức đối thoại" (soe + private): dialogue in 0002 and 0003, not in 0004;
        // the agency 0001 is not an enterprise, so the denominator is 3 active enterprise unions, not 4: 2 / 3.
        var row = Evaluate("000-T05");

        Assert.Equal((2.0, 3.0), (row.Numerator, row.Denominator));
        Assert.Equal(AttainmentStatus.Missed, row.Status);
    }

    [Fact]
    public void ACountWithASizeFilterAddsOnlyTheUnitsWithEnoughWorkers()
    {
        // 900-T01: officials trained in units with at least 100 workers: 0002 (1,250 workers) 30 + 0003 (300) 12 = 42;
        // 0001 (40 workers) and 0004 (60) are left out. 42 is inside 40–50: achieved (all of them would be 51).
        var row = Evaluate("900-T01");

        Assert.Equal(42.0, row.Actual);
        Assert.Equal(AttainmentStatus.Achieved, row.Status);
    }

    [Fact]
    public void ACountWithASectorFilterAddsOnlyThatSectorsUnits()
    {
        // 900-T02: members with partner discounts in private enterprises: 0003 90 + 0004 15 = 105 (0002, a state
        // enterprise, adds 400 without the filter): at least 100, achieved.
        var row = Evaluate("900-T02");

        Assert.Equal(105.0, row.Actual);
        Assert.Equal(AttainmentStatus.Achieved, row.Status);
    }

    [Fact]
    public void AnUpperLevelRateAddsTheQuartersOfBothFlows()
    {
        // 900-T03: legal cases with a union representative, 2 + 1 + 3 + 1 = 7 of 3 + 2 + 4 + 1 = 10: 70 % < 75 %, missed.
        var row = Evaluate("900-T03");

        Assert.Equal((7.0, 10.0), (row.Numerator, row.Denominator));
        Assert.Equal(AttainmentStatus.Missed, row.Status);
    }

    [Fact]
    public void AFlowByADateInsideTheYearAddsTheYearUpToThatQuarter()
    {
        // 900-T04, by 30 June 2025: cases with a union representative in the first half, 2 (Q1) + 1 (Q2) = 3: achieved.
        // The second quarter alone (1) or the whole year (7) would answer another question.
        var row = Evaluate("900-T04");

        Assert.Equal("2025-H1", row.PeriodCode);
        Assert.Equal(3.0, row.Actual);
        Assert.Equal(AttainmentStatus.Achieved, row.Status);
    }

    private AttainmentRow Evaluate(string targetId)
    {
        var target = _plans.Targets.Single(t => t.Id == targetId);
        return new Attainment(_connection, _plans).EvaluateTarget(target, "LCH", AsOf);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    private void Ingest(string name, string csv, DateTime receivedAt)
    {
        var outcome = new Ingestor(_connection, new IngestOptions { ReceivedAt = receivedAt, QuarantineDirectory = Path.Combine(_folder, "quarantine") },
            TimeProvider.System).IngestFile(Write(name, csv));
        Assert.True(outcome.Refused == 0 && outcome.FileError is null,
            $"{name}: {outcome.Refused} refused; {string.Join("; ", outcome.Submissions.SelectMany(s => s.Messages).Select(m => $"{m.RuleId} {m.Indicator}"))}");
    }
}
