namespace Analytics.Etl.Sample;

/// <summary>What <see cref="SampleGenerator.Generate"/> builds and where.</summary>
/// <param name="Scale">Small (seconds) or national (minutes).</param>
/// <param name="OutputDirectory">Receives units.csv, expected.json and submissions/.</param>
/// <param name="AsOf">
/// The simulated "today": periods are generated through the last one whose deadline has passed, and
/// nothing is received after this day. The CLI passes today's date from its TimeProvider.
/// </param>
public sealed record SampleOptions(SampleScale Scale, string OutputDirectory, DateOnly AsOf)
{
    /// <summary>The default seed: the date of Long Biên's 2021 plan (seed 001).</summary>
    public const int DefaultSeed = 20210108;

    public int Seed { get; init; } = DefaultSeed;

    /// <summary>First reporting year; the original organisation is valid from 1 January of it.</summary>
    public int FromYear { get; init; } = 2021;
}
