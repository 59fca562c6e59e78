using Analytics.Warehouse.Vocabulary;
using System.Globalization;
using System.Text.Json;
using Analytics.Warehouse.ReferenceData;
using Analytics.Etl.Parsing;
using Xunit;

namespace Analytics.Etl.Tests.Sample;

[Collection(SmallSampleCollection.Name)]
public sealed class SampleSubmissionTests(SmallSampleFixture sample)
{
    // The referee knows what the catalog says a unit may report, and how each value is typed.
    private static readonly HashSet<string> Catalog = IndicatorCatalog.Default.Entries.Where(e => !e.IsDerived).Select(e => e.Code).ToHashSet();
    private static readonly HashSet<string> Categories = IndicatorCatalog.Default.Entries.Where(e => e.IsCategory).Select(e => e.Code).ToHashSet();
    private static readonly HashSet<string> Flags = IndicatorCatalog.Default.Entries.Where(e => e.IsFlag).Select(e => e.Code).ToHashSet();
    private static readonly HashSet<string> Counts = IndicatorCatalog.Default.Entries.Where(e => e.IsCount && !e.IsDerived).Select(e => e.Code).ToHashSet();
    private static readonly HashSet<string> Ratings = ["xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"];

    private JsonElement Expected => JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sample.Directory, "expected.json"))).RootElement;

    [Fact]
    public void ARefereeReadingEveryFileRefusesExactlyWhatExpectedJsonPredicts()
    {
        var (refused, _) = Judge();
        var predicted = Expected.GetProperty("submissions").GetProperty("refused_by_reason").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetInt64());

        Assert.Equal(predicted.OrderBy(p => p.Key), refused.OrderBy(p => p.Key));
        Assert.Equal(6, predicted.Count);
        Assert.All(predicted.Values, n => Assert.InRange(n, 1, 10));
    }

    [Fact]
    public void MemberStocksReconcileExceptWhereExpectedJsonSaysAWarningWasPlanted()
    {
        var (_, accepted) = Judge();
        var quarterly = accepted.Where(s => s.Period.Type == PeriodType.Quarter && s.Values.ContainsKey("members")).ToList();
        var latest = new Dictionary<(string, string), Submission>();
        var warnings = 0;
        var checkedCount = 0;
        foreach (var s in quarterly)
        {
            var previous = s.Period.Seq == 1 ? PeriodRef.Quarter(s.Period.Year - 1, 4) : PeriodRef.Quarter(s.Period.Year, s.Period.Seq - 1);
            if (latest.TryGetValue((s.Unit, previous.Code), out var before))
            {
                checkedCount++;
                if (s.Values["members"] != before.Values["members"] + s.Values["members_admitted"] - s.Values["members_left"])
                {
                    warnings++;
                }
            }

            latest[(s.Unit, s.Period.Code)] = s;
        }

        Assert.True(checkedCount > 5000, $"only {checkedCount} quarters could be reconciled");
        Assert.Equal(Expected.GetProperty("warnings").GetProperty("reconciliation").GetInt32(), warnings);
        Assert.InRange(warnings, 1, 40);
    }

    [Fact]
    public void AcceptedFiguresArePlausible()
    {
        var (_, accepted) = Judge();
        var grassroots = accepted.Where(s => s.Values.ContainsKey("members")).ToList();

        Assert.All(grassroots, s => Assert.True(s.Values["members"] <= s.Values["workers"], $"{s.Unit} {s.Period} members above workers"));
        var ratio = grassroots.Sum(s => s.Values["members"]) / grassroots.Sum(s => s.Values["workers"]);
        Assert.InRange(ratio, 0.70m, 0.95m);
        Assert.All(grassroots.Where(s => s.Values.ContainsKey("cba_signed")), s =>
        {
            Assert.True(s.Values["cba_favorable"] <= s.Values["cba_signed"]);
            Assert.True(s.Values["cba_grade_b_plus"] <= s.Values["cba_signed"]);
        });
        var cba = grassroots.Where(s => s.Values.ContainsKey("cba_signed")).ToList();
        Assert.InRange(cba.Sum(s => s.Values["cba_signed"]) / cba.Count, 0.5m, 0.85m);
        Assert.All(grassroots, s => Assert.Equal(0, s.Values["finance_budget"] % 1000));
        var admissionsByQuarter = grassroots.GroupBy(s => s.Period.Seq).ToDictionary(g => g.Key, g => g.Sum(s => s.Values["members_admitted"]));
        Assert.True(admissionsByQuarter[2] > admissionsByQuarter[1], "admissions peak in the second quarter");
    }

    [Fact]
    public void YearReportsNeverCountMorePeopleThanThereAreAndStayNearTheSeedsTargets()
    {
        var (_, accepted) = Judge();
        var yearEnd = accepted.Where(s => s.Period.Type == PeriodType.Quarter && s.Period.Seq == 4 && s.Values.ContainsKey("workers"))
            .GroupBy(s => (s.Unit, s.Period.Year)).ToDictionary(g => g.Key, g => g.Last());
        var years = accepted.Where(s => s.Period.Type == PeriodType.Year && s.Values.ContainsKey("officials")).ToList();

        Assert.True(years.Count > 1000, $"only {years.Count} grassroots year reports");
        foreach (var y in years)
        {
            var v = y.Values;
            Assert.True(v["officials_trained"] <= v["officials"], $"{y.Unit} {y.Period}: officials trained above officials");
            Assert.True(v["female_workers_recognized"] <= v["female_workers"], $"{y.Unit} {y.Period}: women recognised above female workers");
            Assert.True(v["members_visited"] <= v["members_in_hardship"], $"{y.Unit} {y.Period}: visited above members in hardship");
            Assert.True(v["culture_standard_achieved"] <= v["culture_standard_registered"], $"{y.Unit} {y.Period}: cultural standard achieved unregistered");
            if (yearEnd.TryGetValue((y.Unit, y.Period.Year), out var q4))
            {
                foreach (var people in new[] { "workers_informed", "workers_in_learning", "workers_donating_fund", "workers_in_culture_sport", "female_workers" })
                    Assert.True(v[people] <= q4.Values["workers"], $"{y.Unit} {y.Period}: {people} above workers");
                Assert.True(v["members_partner_benefits"] <= q4.Values["members"], $"{y.Unit} {y.Period}: partner discounts above members");
            }
        }

        decimal Share(string part, string whole) => years.Sum(y => y.Values[part]) / years.Sum(y => y.Values[whole]);
        Assert.InRange(Share("officials_trained", "officials"), 0.8m, 0.98m);
        Assert.InRange(Share("members_visited", "members_in_hardship"), 0.9m, 1m);
        var enterprises = years.Where(y => y.Values.ContainsKey("dialogue_held")).ToList();
        Assert.InRange(enterprises.Sum(y => y.Values["dialogue_held"]) / enterprises.Count, 0.6m, 0.95m);
        Assert.DoesNotContain(years, y => y.Values.ContainsKey("dialogue_held") && y.Values.ContainsKey("officials_conference_held"));
    }

    [Fact]
    public void RatingsAreMostlyGoodOrDone()
    {
        var values = SubmissionFiles.ReadAll(sample.Directory).Where(v => v.Indicator == "rating").ToList();

        Assert.NotEmpty(values);
        Assert.All(values, v => Assert.Contains(v.Text, Ratings));
        Assert.All(values, v => Assert.Equal(PeriodType.Year, PeriodParser.Parse(v.Period).Type));
        Assert.True(values.Count(v => v.Text is "tot" or "hoan_thanh") > values.Count * 0.7);
    }

    [Fact]
    public void CompletenessComputedFromTheFilesMatchesExpectedJson()
    {
        var (_, accepted) = Judge();
        var rows = UnitRow.ReadAll(Path.Combine(sample.Directory, "units.csv"));
        var grassroots = rows.Where(r => r.Level == 3).Select(r => r.Code).ToHashSet();
        var firstArrival = accepted.Where(s => grassroots.Contains(s.Unit))
            .GroupBy(s => (s.Unit, s.Period.Code)).ToDictionary(g => g.Key, g => g.Min(s => s.ReceivedAt));

        foreach (var p in Expected.GetProperty("completeness").GetProperty("by_period").EnumerateArray())
        {
            var period = PeriodParser.Parse(p.GetProperty("period").GetString()!);
            var deadline = new DateTimeOffset(period.End.Year, period.End.Month, 15, 0, 0, 0, TimeSpan.FromHours(7));
            var expected = rows.Where(r => r.Level == 3 && r.Contains(period.End)).Select(r => r.Code).ToList();
            var received = expected.Where(c => firstArrival.ContainsKey((c, period.Code))).ToList();
            var late = received.Count(c => firstArrival[(c, period.Code)] >= deadline);

            Assert.Equal(p.GetProperty("expected").GetInt32(), expected.Count);
            Assert.Equal(p.GetProperty("received").GetInt32(), received.Count);
            Assert.Equal(p.GetProperty("late").GetInt32(), late);
            Assert.InRange(p.GetProperty("missing").GetInt32(), 0, expected.Count / 5);
        }
    }

    [Fact]
    public void FilesComeInEveryFormatAndSpellingIssueThreeAccepts()
    {
        var root = Path.Combine(sample.Directory, "submissions");
        var csvs = Directory.GetFiles(root, "*.csv", SearchOption.AllDirectories).Where(f => !f.EndsWith("manifest.csv", StringComparison.Ordinal)).Select(CsvText.Read).ToList();
        var values = SubmissionFiles.ReadAll(sample.Directory);

        Assert.Contains(csvs, c => c.Bom);
        Assert.Contains(csvs, c => !c.Bom);
        Assert.Contains(csvs, c => c.Delimiter == ';');
        Assert.Contains(csvs, c => c.Delimiter == ',');
        Assert.Contains(csvs, c => c.Rows[0].Length == 5 && c.Rows[0][4] == "note");
        Assert.NotEmpty(Directory.GetFiles(root, "*.xlsx", SearchOption.AllDirectories));
        Assert.NotEmpty(Directory.GetFiles(root, "*.json", SearchOption.AllDirectories));
        Assert.Contains(values, v => v.Period.StartsWith("Quý I/", StringComparison.Ordinal));
        Assert.Contains(values, v => v.Period.StartsWith("Quý 1/", StringComparison.Ordinal));
        Assert.Contains(values, v => v.Period.StartsWith("Tháng ", StringComparison.Ordinal));
        Assert.Contains(values, v => v.Period.StartsWith("Năm ", StringComparison.Ordinal));
        Assert.Contains(values, v => v.Period.Normalize() != v.Period);
        Assert.Contains(values, v => v.Text.Contains('.', StringComparison.Ordinal) && v.Number is null);
        Assert.Contains(values, v => v.Text.Contains('\u00A0', StringComparison.Ordinal));
        Assert.Contains(values, v => v.Text.Length == 0);
        Assert.All(values, v => Assert.True(PeriodParser.TryParse(v.Period, out _, out _), v.Period));
    }

    [Fact]
    public void JsonDocumentsHaveTheDocumentedShape()
    {
        var path = Directory.GetFiles(Path.Combine(sample.Directory, "submissions"), "*.json", SearchOption.AllDirectories).Order().First();
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));

        Assert.Equal(JsonValueKind.String, doc.RootElement.GetProperty("unit").ValueKind);
        Assert.True(PeriodParser.TryParse(doc.RootElement.GetProperty("period").GetString(), out _, out _));
        Assert.Equal(JsonValueKind.Object, doc.RootElement.GetProperty("values").ValueKind);
        Assert.All(doc.RootElement.EnumerateObject(), p => Assert.Contains(p.Name, new[] { "unit", "period", "values", "note" }));
    }

    [Fact]
    public void NothingIsReceivedAfterAsOfAndTheManifestIsInOrderOfArrival()
    {
        var manifest = SubmissionFiles.Manifest(sample.Directory);
        var horizon = new DateTimeOffset(SmallSampleFixture.AsOf.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.FromHours(7));

        Assert.All(manifest, m => Assert.True(m.At <= horizon, $"{m.File} arrives {m.At}"));
        Assert.Equal(manifest.OrderBy(m => m.At).Select(m => m.File), manifest.Select(m => m.File));
        Assert.All(manifest, m => Assert.True(File.Exists(Path.Combine(sample.Directory, "submissions", m.File)), m.File));
        Assert.Equal(manifest.Count + 1, Directory.GetFiles(Path.Combine(sample.Directory, "submissions"), "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void UpperLevelUnitsReportFoundingsThatMatchTheRegistry()
    {
        var rows = UnitRow.ReadAll(Path.Combine(sample.Directory, "units.csv"));
        var founded = rows.GroupBy(r => r.Code).Select(g => g.OrderBy(r => r.From).First())
            .Where(r => r.Level == 3 && r.From > new DateOnly(2021, 1, 1))
            .GroupBy(r => (r.Parent!, r.From.Year, r.From.Month)).ToDictionary(g => g.Key, g => g.Count());
        var reported = SubmissionFiles.ReadAll(sample.Directory).Where(v => v.Indicator == "cdcs_founded").ToList();

        Assert.NotEmpty(reported);
        foreach (var v in reported)
        {
            var month = PeriodParser.Parse(v.Period);
            Assert.Equal(founded.GetValueOrDefault((v.Unit, month.Year, month.Seq)), int.Parse(v.Text, CultureInfo.InvariantCulture));
        }

        // Every founding in a reported month is reported (later ones fall after the last month sent).
        var months = reported.Select(r => PeriodParser.Parse(r.Period)).Select(p => (p.Year, p.Seq)).ToHashSet();
        var inReportedMonths = founded.Where(f => months.Contains((f.Key.Year, f.Key.Month))).Sum(f => f.Value);
        Assert.Equal(inReportedMonths, reported.Sum(r => int.Parse(r.Text, CultureInfo.InvariantCulture)));
        Assert.True(inReportedMonths > 20);
    }

    // A small referee: the refusal rules of issue 3 that the sample's injected errors exercise.
    private (Dictionary<string, long> Refused, List<Submission> Accepted) Judge()
    {
        var units = UnitRow.ReadAll(Path.Combine(sample.Directory, "units.csv")).Select(r => r.Code).ToHashSet();
        var refused = new Dictionary<string, long>();
        var accepted = new List<Submission>();
        foreach (var group in SubmissionFiles.ReadAll(sample.Directory).GroupBy(v => v.Submission))
        {
            var first = group.First();
            var period = PeriodParser.Parse(first.Period);
            var values = new Dictionary<string, decimal>();
            string? reason = null;
            foreach (var v in group)
            {
                if (!Catalog.Contains(v.Indicator))
                {
                    reason ??= "unknown_indicator";
                    continue;
                }

                if (Categories.Contains(v.Indicator) || v.Text.Length == 0)
                {
                    continue;
                }

                var kind = Flags.Contains(v.Indicator) ? NumberKind.Flag
                    : Counts.Contains(v.Indicator) ? NumberKind.Count : NumberKind.Amount;
                decimal number;
                if (v.Number is { } typed)
                {
                    number = typed;
                }
                else if (!VietnameseNumber.TryParse(v.Text, kind, out number, out _))
                {
                    reason ??= "not_a_number";
                    continue;
                }

                if (number < 0)
                {
                    reason ??= "negative_value";
                }
                else if (kind == NumberKind.Count && !VietnameseNumber.IsWhole(number))
                {
                    reason ??= "fractional_count";
                }

                values[v.Indicator] = number;
            }

            if (!units.Contains(first.Unit))
            {
                reason = "unknown_unit";
            }
            else if (values.TryGetValue("cba_favorable", out var favorable) && favorable > values["cba_signed"])
            {
                reason ??= "cba_favorable_above_signed";
            }

            if (reason is not null)
            {
                refused[reason] = refused.GetValueOrDefault(reason) + 1;
            }
            else
            {
                accepted.Add(new Submission(first.Unit, period, values, first.ReceivedAt));
            }
        }

        return (refused, accepted);
    }

    private sealed record Submission(string Unit, PeriodRef Period, Dictionary<string, decimal> Values, DateTimeOffset ReceivedAt);
}
