using Analytics.Reports.Charts;
using Analytics.Reports.Conference;
using Analytics.Reports.Data;
using Analytics.Reports.Tests.Charts;
using Analytics.Reports.Tests.Excel;
using Analytics.Warehouse.Plans;

namespace Analytics.Reports.Tests.Conference;

/// <summary>
/// The plan slide labels each target with its id and the short name written in the plan file, in
/// the report's language and in full: from a real warehouse, and for every target of every seed plan.
/// </summary>
public sealed class PlanSlideTests(ReportWarehouse w) : IClassFixture<ReportWarehouse>
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ThePlanSlideOfARealWarehouseLabelsEachTargetWithItsIdAndShortNameInFull(bool english)
    {
        var loader = new ReportLoader(w.Connection, new FixedClock(ReportWarehouse.Now), english);
        var plan = loader.Plan("004", null, "2024");
        var catalog = PlanCatalog.Embedded.Get("004").Targets.ToDictionary(t => t.Id);

        var chart = Assert.Single(ConferencePack.Charts(loader.Annual("HNI-GLM", "2024"), [plan]), c => c.Name.EndsWith("-plan-004", StringComparison.Ordinal));

        var shown = plan.Targets.Where(t => t.Actual is not null && t.Target is not null && t.Target != 0).Take(12).ToList();
        Assert.True(shown.Count >= 3, $"only {shown.Count} targets with figures");
        var expected = shown.Select(t => $"{t.TargetId} · {(english ? catalog[t.TargetId].ShortEn : catalog[t.TargetId].ShortVi)}").ToList();
        Assert.Equal(expected, Names(chart.Chart));
        // The workbook's rows keep the document's wording.
        Assert.All(plan.Targets, t => Assert.Equal(english ? catalog[t.TargetId].TextEn : catalog[t.TargetId].TextVi, t.Text));
        ChartAssert.LabelsFitAndDoNotOverlap(chart.Chart, chart.Name);
    }

    public static TheoryData<string, bool> SeedPlans()
    {
        var data = new TheoryData<string, bool>();
        foreach (var plan in PlanCatalog.Embedded.Plans.Where(p => p.Targets.Count > 0))
        {
            data.Add(plan.PlanId, false);
            data.Add(plan.PlanId, true);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SeedPlans))]
    public void EveryTargetOfEverySeedPlanIsShownInFullOnAFullSlide(string planId, bool english)
    {
        var plan = PlanCatalog.Embedded.Get(planId);
        // A slide holds up to 12 targets; the plan's targets in slide-sized runs, each with a figure.
        foreach (var run in plan.Targets.Chunk(12))
        {
            var results = run.Select(t => Result(t, english)).ToList();
            var scorecard = new PlanScorecardData(HandMadeData.Header(english), planId, plan.Number ?? planId, english ? plan.TitleEn : plan.TitleVi, plan.Term, results, results.Count);

            var chart = Assert.Single(ConferencePack.Charts(HandMadeData.Annual(english), [scorecard]), c => c.Name.EndsWith("-plan-" + planId, StringComparison.Ordinal));

            Assert.Equal(run.Select(t => $"{t.Id} · {(english ? t.ShortEn : t.ShortVi)}"), Names(chart.Chart));
            Assert.All(chart.Chart.Labels.Where(l => l.Role == "category"), l => Assert.True(l.Text.Split('\n').Length <= 2, l.Text));
            ChartAssert.LabelsFitAndDoNotOverlap(chart.Chart, $"{planId} {run[0].Id}…");
            // Kept for a look: every short name on a full slide.
            File.WriteAllBytes(Path.Combine(Directory.CreateDirectory("/tmp/reports-look/plan-slides").FullName,
                $"{run[0].Id}.{(english ? "en" : "vi")}.png"), chart.Chart.Render().Png);
        }
    }

    [Fact]
    public void ALabelTooWideForTwoLinesIsWrappedFurtherNeverShortened()
    {
        var label = "002-T99 · " + string.Join(' ', Enumerable.Repeat("Kết nạp 70.000 đoàn viên", 8));
        var chart = ReportCharts.Bullets(new ChartText("T", "S", "P"), [new(label, 1, 2, ValueFormat.Count)], ChartLanguage.Vi, ChartSize.Compact);

        var name = Assert.Single(chart.Labels, l => l.Role == "category");
        Assert.Equal(label, name.Text.Replace('\n', ' '));
        Assert.DoesNotContain("…", name.Text, StringComparison.Ordinal);
    }

    // The row labels of a bullet chart, top to bottom, with their line breaks read as spaces.
    private static List<string> Names(Chart chart) =>
        [.. chart.Labels.Where(l => l.Role == "category").Select(l => l.Text.Replace('\n', ' '))];

    // A result as the report loader gives it: the document's text, the short name, and a figure at 90% of the target.
    private static TargetResult Result(TargetDefinition t, bool english)
    {
        var target = t.Value ?? t.Min ?? 1;
        var format = t.Measure switch
        {
            TargetMeasure.Share => ValueFormat.Percent,
            TargetMeasure.Average => ValueFormat.Decimal,
            _ => ValueFormat.Count,
        };
        return new TargetResult(t.Id, t.Group, t.Group, english ? t.TextEn : t.TextVi, english ? t.ShortEn : t.ShortVi, "2024",
            target == 0 ? 1 : target * 0.9, target == 0 ? 1 : target, "", 0.9, TargetStatus.AtRisk, "", format);
    }
}
