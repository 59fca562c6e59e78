namespace Analytics.Etl.Sample;

/// <summary>What a generation run wrote (the same figures, and more, are in expected.json).</summary>
public sealed record SampleSummary(
    string OutputDirectory,
    int UnitRows,
    int GrassrootsActiveAtAsOf,
    long MembersAtAsOf,
    string FirstQuarter,
    string LastQuarter,
    int Files,
    long Submissions,
    long RefusedExpected,
    long Late,
    long Missing,
    TimeSpan Elapsed);
