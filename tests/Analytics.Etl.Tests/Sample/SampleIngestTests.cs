using System.Text.Json;
using Analytics.Warehouse.ReferenceData;
using Analytics.Etl.Ingest;
using Analytics.Etl.Registry;
using Analytics.Etl.Sample;
using Xunit;

namespace Analytics.Etl.Tests.Sample;

/// <summary>The sample through the real registry import and ingest, checked against its own expected.json.</summary>
public sealed class SampleIngestTests : IDisposable
{
    private static readonly Dictionary<string, string> ReasonOfRule = new()
    {
        ["E01"] = "unknown_unit",
        ["E04"] = "unknown_indicator",
        ["E06"] = "not_a_number",
        ["E07"] = "negative_value",
        ["E08"] = "fractional_count",
        ["E11"] = "cba_favorable_above_signed",
    };

    private readonly string _root = Path.Combine(Path.GetTempPath(), "analytics-sample-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void IngestingTheSampleAcceptsRefusesAndWarnsExactlyAsExpectedJsonSays()
    {
        var sampleDir = Path.Combine(_root, "sample");
        SampleGenerator.Generate(new SampleOptions(SampleScale.Small, sampleDir, new DateOnly(2022, 9, 20)));
        using var expected = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(sampleDir, "expected.json")));
        var submissions = expected.RootElement.GetProperty("submissions");

        using var warehouse = Analytics.Warehouse.Warehouse.Open(":memory:");
        using var connection = warehouse.Connect();
        IndicatorCatalog.Default.Sync(connection);
        var registry = UnitRegistryImport.Import(connection, Path.Combine(sampleDir, "units.csv"));
        Assert.False(registry.Refused, string.Join("\n", registry.Issues.Take(5).Select(i => i.Format("units.csv", true))));

        var manifest = SubmissionFiles.Manifest(sampleDir).ToDictionary(
            m => Path.GetFullPath(Path.Combine(sampleDir, "submissions", m.File)), m => m.At.UtcDateTime);
        var ingestor = new Ingestor(connection, new IngestOptions
        {
            Manifest = manifest,
            QuarantineDirectory = Path.Combine(_root, "quarantine"),
            FeedbackDirectory = Path.Combine(_root, "feedback"),
        }, TimeProvider.System);
        var outcomes = ingestor.Expand([Path.Combine(sampleDir, "submissions")]).Select(ingestor.IngestFile).ToList();

        Assert.All(outcomes, o => Assert.Null(o.FileError));
        Assert.Equal(submissions.GetProperty("accepted").GetInt32(), outcomes.Sum(o => o.Accepted));
        Assert.Equal(submissions.GetProperty("refused").GetInt32(), outcomes.Sum(o => o.Refused));
        var refused = outcomes.SelectMany(o => o.Submissions).Where(s => s.Status == SubmissionOutcome.Refused)
            .Select(s => ReasonOfRule[s.Messages.First(m => ReasonOfRule.ContainsKey(m.RuleId)).RuleId])
            .GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());
        var predicted = submissions.GetProperty("refused_by_reason").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(6, predicted.Count);
        Assert.Equal(predicted.OrderBy(p => p.Key), refused.OrderBy(p => p.Key));
        var reconciliation = outcomes.SelectMany(o => o.Submissions).SelectMany(s => s.Messages).Count(m => m.RuleId == "W02");
        Assert.InRange(reconciliation, 1, 20);
        Assert.Equal(expected.RootElement.GetProperty("warnings").GetProperty("reconciliation").GetInt32(), reconciliation);
        Assert.DoesNotContain(outcomes.SelectMany(o => o.Submissions).SelectMany(s => s.Messages), m => m.RuleId is "W01" or "W04");
    }

    [Fact]
    public void TheHistoryRulesSayTheSameHoweverTheFilesAreCutIntoRunsAndBatches()
    {
        // The same files three ways: a run per file (each reads its own units' history), one run of a
        // file per batch (every unit's history read once, then kept current across batches), and one
        // run of large batches (resubmissions meet their earlier versions inside a batch). Every
        // warning must be the same, W02 and W03 included: history is the current versions when a
        // submission is checked.
        var sampleDir = Path.Combine(_root, "sample");
        SampleGenerator.Generate(new SampleOptions(SampleScale.Small, sampleDir, new DateOnly(2022, 9, 20)));
        var manifest = SubmissionFiles.Manifest(sampleDir).ToDictionary(
            m => Path.GetFullPath(Path.Combine(sampleDir, "submissions", m.File)), m => m.At.UtcDateTime);

        List<string> Warnings(Func<Ingestor, IReadOnlyList<string>, IEnumerable<FileOutcome>> ingest)
        {
            using var warehouse = Analytics.Warehouse.Warehouse.Open(":memory:");
            using var connection = warehouse.Connect();
            IndicatorCatalog.Default.Sync(connection);
            Assert.False(UnitRegistryImport.Import(connection, Path.Combine(sampleDir, "units.csv")).Refused);
            var ingestor = new Ingestor(connection, new IngestOptions { Manifest = manifest }, TimeProvider.System);
            var files = ingestor.Expand([Path.Combine(sampleDir, "submissions")]);
            return [.. ingest(ingestor, files)
                .SelectMany(o => o.Submissions.Select(s => (File: Path.GetFileName(o.Path), Submission: s)))
                .SelectMany(x => x.Submission.Messages.Where(m => m.Severity == Severity.Warning)
                    .Select(m => $"{x.File} {x.Submission.UnitCode} {x.Submission.PeriodCode} v{x.Submission.Version} {m.RuleId} {m.Indicator} {m.Row}"))
                .Order(StringComparer.Ordinal)];
        }

        var perFile = Warnings((ingestor, files) => files.Select(ingestor.IngestFile).ToList());
        var filePerBatch = Warnings((ingestor, files) => ingestor.IngestFiles(files, batchSize: 1));
        var largeBatches = Warnings((ingestor, files) => ingestor.IngestFiles(files));

        Assert.Contains(perFile, w => w.Contains(" W02 ", StringComparison.Ordinal));
        Assert.Contains(perFile, w => w.Contains(" W03 ", StringComparison.Ordinal));
        Assert.Equal(perFile, filePerBatch);
        Assert.Equal(perFile, largeBatches);
    }
}
