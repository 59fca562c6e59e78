namespace Analytics.Jobs.Scheduling;

/// <summary>
/// What a run did, stored as the run's result: a line for the page in Vietnamese and English, and
/// whether the next job in the chain should run.
/// </summary>
public sealed record JobSummary(string Text, string TextEn, bool Changed);
