namespace Analytics.Etl.Sample;

/// <summary>
/// Writes a sample organisation as real units would send it: <c>units.csv</c> (the registry with its
/// history), <c>submissions/</c> (CSV, xlsx and JSON files in the long layout, with
/// <c>submissions/manifest.csv</c> giving each file's simulated receipt time) and <c>expected.json</c>
/// (what an ingest must find). Seeded and deterministic: the same options give the same files.
/// See docs/sample-data.md.
/// </summary>
public static class SampleGenerator
{
    public static SampleSummary Generate(SampleOptions options, IProgress<SampleProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.AsOf < new DateOnly(options.FromYear, 3, 15))
        {
            throw new ArgumentException($"AsOf {options.AsOf:yyyy-MM-dd} is before the first quarter's deadline of {options.FromYear}.", nameof(options));
        }

        return new SampleRun(options).Run(progress);
    }
}
