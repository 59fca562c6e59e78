using System.Runtime.CompilerServices;
using Analytics.Warehouse.Plans;

namespace Analytics.Warehouse.Tests.Plans;

public sealed class PlanCatalogTests
{
    private const string ValidTarget = """
        {
          "id": "900-T01", "group": "cba", "text_vi": "75% doanh nghiệp có TƯLĐTT", "text_en": "75% CBA coverage", "short_vi": "TƯLĐTT ở 75% doanh nghiệp", "short_en": "CBA in 75% of firms",
          "shape": "rate", "measure": "share", "indicator": "cba_coverage",
          "comparison": ">=", "value": 0.75, "basis": "each_year"
        }
        """;

    [Fact]
    public void EverySeedPlanParsesWithItsIssuerAndNumber()
    {
        var plans = PlanCatalog.Embedded.Plans;

        Assert.Equal(["000", "001", "002", "003", "004"], plans.Select(p => p.PlanId));
        Assert.Equal(["LCH", "HNI-LBN", "THA", "DBN", "HNI-GLM"], plans.Select(p => p.IssuerCode));
        Assert.Equal("10/KH-LĐLĐ", PlanCatalog.Embedded.Get("002").Number);
        Assert.Equal(new DateOnly(2021, 9, 30), PlanCatalog.Embedded.Get("004").IssuedOn);
        Assert.All(PlanCatalog.Embedded.Targets, t => Assert.Equal(PlanCatalog.Embedded.Get(t.PlanId).IssuerCode, t.ScopeUnitCode));
    }

    [Fact]
    public void TheLoadedTargetsOfEachPlanMatchTheSeedChecklistExactly()
    {
        var checklist = ReadChecklist();
        var loaded = PlanCatalog.Embedded.Plans.ToDictionary(p => p.PlanId, p => p.Targets.Select(t => t.Id).ToList());

        foreach (var (planId, ids) in loaded)
        {
            var listed = checklist.Where(c => c.PlanId == planId).Select(c => c.TargetId).ToList();
            Assert.True(listed.Count == ids.Count, $"plan {planId}: checklist has {listed.Count} targets, the plan file {ids.Count}");
            Assert.Equal(listed, ids);
        }
        Assert.DoesNotContain(checklist, c => !loaded.ContainsKey(c.PlanId));
        Assert.All(checklist, c => Assert.False(string.IsNullOrWhiteSpace(c.Quote), c.TargetId));
    }

    [Fact]
    public void TheDienBienDirectiveIsRecordedWithNoTargets()
    {
        var directive = PlanCatalog.Embedded.Get("003");

        Assert.Empty(directive.Targets);
        Assert.Equal("directive", directive.DocumentType);
    }

    [Theory]
    [InlineData(TargetShape.Rate)]
    [InlineData(TargetShape.Range)]
    [InlineData(TargetShape.Cumulative)]
    [InlineData(TargetShape.PerUnit)]
    [InlineData(TargetShape.Milestone)]
    [InlineData(TargetShape.Deadline)]
    public void EveryTargetShapeIsUsedBySomeSeedTarget(TargetShape shape) =>
        Assert.Contains(PlanCatalog.Embedded.Targets, t => t.Shape == shape);

    [Fact]
    public void SeedTargetsCarryTheFiguresOfTheDocuments()
    {
        var catalog = PlanCatalog.Embedded;
        T Find<T>(string id, Func<TargetDefinition, T> pick) => pick(catalog.Targets.Single(t => t.Id == id));

        // Gia Lâm: "bình quân mỗi năm tăng thêm 600 - 700 đoàn viên".
        Assert.Equal((TargetShape.Range, "members_admitted", 600d, 700d), Find("004-T12", t => (t.Shape, t.Indicator!, t.Min!.Value, t.Max!.Value)));
        // Thanh Hóa: "Kết nạp mới 70.000 đoàn viên" in 2021-2025, then 100.000 in 2026-2030.
        Assert.Equal((TargetShape.Cumulative, 70000d, 2021, 2025), Find("002-T01", t => (t.Shape, t.Value!.Value, t.FromYear, t.ToYear)));
        Assert.Equal((100000d, 2026, 2030), Find("002-T15", t => (t.Value!.Value, t.FromYear, t.ToYear)));
        // Long Biên: "Dân vận khéo" registered by 22/02/2021.
        Assert.Equal((TargetShape.Deadline, new DateOnly(2021, 2, 22)), Find("001-T02", t => (t.Shape, t.Due!.Value)));
        // Enterprise size filters: ≥ 10 workers (Lai Châu), ≥ 25 workers (Gia Lâm).
        Assert.Equal(10, Find("000-T09", t => t.MinWorkers));
        Assert.Equal(25, Find("004-T29", t => t.MinWorkers));
        // Sector filter and a strict floor: Gia Lâm "trên 85%" CBA by 2030.
        Assert.Equal(["private"], Find("002-T11", t => t.Sectors));
        Assert.Equal((TargetComparison.MoreThan, 0.85, new DateOnly(2030, 12, 31)), Find("004-T33", t => (t.Comparison, t.Value!.Value, t.Due!.Value)));
    }

    [Fact]
    public void TargetsTheSubmissionsCannotMeasureAreKeptWithAReason()
    {
        var notMeasured = PlanCatalog.Embedded.Targets.Where(t => !t.Measured).ToList();

        Assert.NotEmpty(notMeasured);
        Assert.Contains(notMeasured, t => t.Id == "002-T31"); // GRDP per capita
        Assert.All(notMeasured, t => Assert.False(string.IsNullOrWhiteSpace(t.NotMeasuredReason), t.Id));
        Assert.All(PlanCatalog.Embedded.Targets.Where(t => t.Measured), t => Assert.NotEmpty(t.IndicatorCodes));
    }

    [Fact]
    public void OpeningSyncsThePlansAndSyncingAgainChangesNothing()
    {
        using var warehouse = Warehouse.Open(":memory:");
        using var connection = warehouse.Connect();
        var catalog = PlanCatalog.Embedded;

        var before = Snapshot(connection);
        var again = catalog.Sync(connection);

        Assert.Equal(5, connection.Scalar<long>("SELECT count(*) FROM dim_plan"));
        Assert.Equal(0, again);
        Assert.Equal(before, Snapshot(connection));
        Assert.Equal(catalog.Targets.Count(), connection.Scalar<long>("SELECT count(*) FROM dim_target"));
        Assert.Equal(0L, connection.Scalar<long>("SELECT count(*) FROM dim_target WHERE plan_id = '003'"));
        Assert.Equal("soe,private", connection.Scalar<string>("SELECT sectors FROM dim_target WHERE target_id = '004-T32'"));
        Assert.Equal("between", connection.Scalar<string>("SELECT comparison FROM dim_target WHERE target_id = '004-T12'"));
    }

    [Fact]
    public void SyncReplacesTheTargetsOfAPlanWhoseFileChangedAndLeavesOtherPlansAlone()
    {
        using var warehouse = Warehouse.Open(":memory:");
        using var connection = warehouse.Connect();
        var second = ValidTarget.Replace("900-T01", "900-T02", StringComparison.Ordinal);
        var other = PlanCatalog.Parse(PlanJson(ValidTarget).Replace("\"900\"", "\"901\"", StringComparison.Ordinal).Replace("900-T01", "901-T01", StringComparison.Ordinal), "901.json");
        PlanCatalog.Of([PlanCatalog.Parse(PlanJson(ValidTarget + "," + second), "900.json"), other]).Sync(connection);

        var edited = PlanCatalog.Parse(PlanJson(ValidTarget.Replace("0.75", "0.8", StringComparison.Ordinal)), "900.json");
        var written = PlanCatalog.Of([edited, other]).Sync(connection);

        Assert.Equal(1, written);
        Assert.Equal(0.8, connection.Scalar<double>("SELECT target_value FROM dim_target WHERE target_id = '900-T01'"));
        Assert.Equal(0L, connection.Scalar<long>("SELECT count(*) FROM dim_target WHERE target_id = '900-T02'"));
        Assert.Equal(1, connection.Scalar<int>("SELECT target_count FROM dim_plan WHERE plan_id = '900'"));
        Assert.Equal(1L, connection.Scalar<long>("SELECT count(*) FROM dim_target WHERE plan_id = '901'"));
    }

    [Theory]
    [InlineData("\"value\": 0.75", "\"value\": 75", "a share is written as a fraction")]
    [InlineData("\"basis\": \"each_year\"", "\"basis\": \"each_year\", \"min_worker\": 10", "unknown property 'min_worker'")]
    [InlineData("\"indicator\": \"cba_coverage\"", "\"numerator\": \"cba_signed\"", "'numerator' and 'denominator' go together")]
    [InlineData("\"indicator\": \"cba_coverage\"", "\"indicator\": \"CBA coverage\"", "is not an indicator code")]
    [InlineData("\"basis\": \"each_year\"", "\"basis\": \"term\"", "is checked with basis 'each_year'")]
    [InlineData("\"comparison\": \">=\", \"value\": 0.75", "\"comparison\": \"between\", \"min\": 0.5", "range targets, and only they")]
    [InlineData("\"comparison\": \">=\"", "\"comparison\": \"at least\"", "comparison 'at least' is not one of")]
    [InlineData("\"indicator\": \"cba_coverage\",", "\"measured\": false,", "needs 'not_measured_reason'")]
    [InlineData("\"basis\": \"each_year\"", "\"basis\": \"each_year\", \"sectors\": [\"state\"]", "sector 'state' is not one of")]
    [InlineData("\"basis\": \"each_year\"", "\"basis\": \"each_year\", \"to_year\": 2031", "outside the plan's term")]
    [InlineData(" \"short_vi\": \"TƯLĐTT ở 75% doanh nghiệp\",", "", "'short_vi' is required")]
    [InlineData("\"short_en\": \"CBA in 75% of firms\"", "\"short_en\": \"  \"", "'short_en' is required")]
    [InlineData("\"short_vi\": \"TƯLĐTT ở 75% doanh nghiệp\"", "\"short_vi\": \"Thỏa ước lao động tập thể ở 75% doanh nghiệp\"", "'short_vi' \"Thỏa ước lao động tập thể ở 75% doanh nghiệp\" has 44 characters, more than 40")]
    public void AMalformedTargetIsRefusedNamingTheFileAndTheTarget(string original, string replacement, string expected)
    {
        var json = PlanJson(ValidTarget.Replace(original, replacement, StringComparison.Ordinal));

        var error = Assert.Throws<PlanFormatException>(() => PlanCatalog.Parse(json, "bad.json"));

        Assert.Contains("Plan file 'bad.json', target '900-T01'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EverySeedTargetHasAHandWrittenShortNameInBothLanguagesWithinTheLimit()
    {
        var targets = PlanCatalog.Embedded.Targets.ToList();

        Assert.Equal(114, targets.Count);
        Assert.All(targets, t =>
        {
            foreach (var name in new[] { t.ShortVi, t.ShortEn })
            {
                Assert.False(string.IsNullOrWhiteSpace(name), t.Id);
                Assert.True(new System.Globalization.StringInfo(name).LengthInTextElements <= PlanCatalog.MaxShortNameLength, $"{t.Id}: '{name}'");
                Assert.Equal(name.Trim(), name);
            }
            // Written by hand: shorter than the document's wording, and not just the Vietnamese copied.
            Assert.True(t.ShortVi.Length < t.TextVi.Length || t.TextVi.Length <= PlanCatalog.MaxShortNameLength, t.Id);
            Assert.NotEqual(t.ShortVi, t.ShortEn);
            // Each language writes its own numbers: 70.000 in Vietnamese, 70,000 in English.
            Assert.DoesNotMatch(@"\d,\d{3}\b", t.ShortVi);
            Assert.DoesNotMatch(@"\d\.\d{3}\b", t.ShortEn);
        });
        var t01 = PlanCatalog.Embedded.Get("002").Targets[0];
        Assert.Equal(("Kết nạp 70.000 đoàn viên", "70,000 new members"), (t01.ShortVi, t01.ShortEn));
    }

    [Fact]
    public void SyncWritesTheShortNamesIntoDimTarget()
    {
        using var warehouse = Warehouse.Open(":memory:");
        using var connection = warehouse.Connect();

        Assert.Equal(0L, connection.Scalar<long>("SELECT count(*) FROM dim_target WHERE short_vi IS NULL OR short_en IS NULL"));
        Assert.Equal("Kết nạp 70.000 đoàn viên", connection.Scalar<string>("SELECT short_vi FROM dim_target WHERE target_id = '002-T01'"));
        Assert.Equal("70,000 new members", connection.Scalar<string>("SELECT short_en FROM dim_target WHERE target_id = '002-T01'"));
    }

    [Fact]
    public void TheValidTargetUsedByTheMalformedCasesParses()
    {
        var plan = PlanCatalog.Parse(PlanJson(ValidTarget), "good.json");

        var target = Assert.Single(plan.Targets);
        Assert.Equal((2021, 2025, "TST"), (target.FromYear, target.ToYear, target.ScopeUnitCode));
        Assert.True(target.IsMetBy(0.75));
        Assert.False(target.IsMetBy(0.7499));
    }

    [Fact]
    public void BrokenJsonAndDuplicateTargetIdsAreRefusedNamingTheFile()
    {
        var broken = Assert.Throws<PlanFormatException>(() => PlanCatalog.Parse("{ \"plan_id\": ", "broken.json"));
        var duplicate = Assert.Throws<PlanFormatException>(() => PlanCatalog.Parse(PlanJson(ValidTarget + "," + ValidTarget), "twice.json"));

        Assert.Contains("Plan file 'broken.json': not valid JSON", broken.Message, StringComparison.Ordinal);
        Assert.Contains("Plan file 'twice.json', target '900-T01': the id appears twice", duplicate.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APlanFolderAddsNewPlansAndReplacesEmbeddedOnes()
    {
        var folder = Directory.CreateTempSubdirectory("plans-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "900.json"), PlanJson(ValidTarget));
            File.WriteAllText(Path.Combine(folder.FullName, "001-fixed.json"),
                PlanJson("").Replace("\"900\"", "\"001\"", StringComparison.Ordinal));

            var catalog = PlanCatalog.Load(folder.FullName);

            Assert.Equal(["000", "001", "002", "003", "004", "900"], catalog.Plans.Select(p => p.PlanId));
            Assert.Equal("001-fixed.json", catalog.Get("001").FileName);
            Assert.Empty(catalog.Get("001").Targets);
            Assert.Single(catalog.Get("900").Targets);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void TheExampleInTheAnalystDocumentationIsAValidPlan()
    {
        var docs = File.ReadAllText(RepoFile("docs/plans.md"));
        var start = docs.IndexOf("```json", StringComparison.Ordinal) + "```json".Length;
        var example = docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)];

        var plan = PlanCatalog.Parse(example, "docs/plans.md");

        Assert.Equal([TargetShape.Range, TargetShape.Rate, TargetShape.Milestone], plan.Targets.Select(t => t.Shape));
        Assert.Equal(2028, plan.Targets[2].ToYear);
    }

    [Fact]
    public void RangesIncludeBothEnds()
    {
        var range = PlanCatalog.Embedded.Targets.Single(t => t.Id == "004-T12");

        Assert.True(range.IsMetBy(600));
        Assert.True(range.IsMetBy(700));
        Assert.False(range.IsMetBy(599));
        Assert.False(range.IsMetBy(701));
    }

    private static string PlanJson(string targets) => $$"""
        {
          // comments and trailing commas are allowed for hand-edited files
          "plan_id": "900", "number": "1/KH-TEST", "issuer_code": "TST", "issuer_name": "Đơn vị thử",
          "issued_on": "2021-01-01", "term": "2021-2025", "title_vi": "Kế hoạch thử", "title_en": "Test plan",
          "source": "test", "targets": [{{targets}}],
        }
        """;

    private static List<string> Snapshot(DuckDBConnection connection)
    {
        var rows = new List<string>();
        foreach (var sql in new[] { "SELECT * FROM dim_plan ORDER BY plan_id", "SELECT * FROM dim_target ORDER BY target_id" })
        {
            using var reader = connection.Query(sql);
            while (reader.Read())
                rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : reader.GetValue(i)?.ToString())));
        }
        return rows;
    }

    // Repo files (the checklist, the docs) are found from this test file's own path, so they need
    // not be copied into the build output.
    private static string RepoFile(string relative, [CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "../../..", relative));

    private static List<(string PlanId, string TargetId, string Quote)> ReadChecklist()
    {
        var lines = File.ReadAllLines(RepoFile("warehouse/Plans/seed-target-checklist.csv")).Where(l => l.Length > 0).ToList();
        Assert.Equal("plan_id,target_id,quote_vi", lines[0]);
        return [.. lines.Skip(1).Select(l => l.Split(',', 3)).Select(f => (f[0], f[1], f[2].Trim('"')))];
    }
}
