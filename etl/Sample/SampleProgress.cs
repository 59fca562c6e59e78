namespace Analytics.Etl.Sample;

/// <summary>Progress of a generation run: the stage and how far through its steps.</summary>
public sealed record SampleProgress(string Stage, int Done, int Total);
