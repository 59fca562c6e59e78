namespace Analytics.Etl.Ingest;

/// <summary>What happened to one submission: accepted as a new version, unchanged (same content as the current version), or refused.</summary>
public sealed record SubmissionOutcome(string UnitCode, string PeriodCode, string Status, int? Version, long? SubmissionId, IReadOnlyList<ValidationMessage> Messages)
{
    public const string Accepted = "accepted";
    public const string Unchanged = "unchanged";
    public const string Refused = "refused";
}
