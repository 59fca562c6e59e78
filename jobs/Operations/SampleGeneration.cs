using Analytics.Etl.Sample;

namespace Analytics.Jobs.Operations;

/// <summary>`analytics sample` (and the demo's first step): a deterministic sample organisation and its submission files.</summary>
public static class SampleGeneration
{
    public static SampleSummary Run(SampleScale scale, string outputDirectory, int seed, DateOnly asOf, IProgress<SampleProgress>? progress = null) =>
        SampleGenerator.Generate(new SampleOptions(scale, outputDirectory, asOf) { Seed = seed }, progress);
}
