namespace Analytics.Jobs.Operations;

/// <summary>What became of one file from the inbox or an upload: the Submissions page shows it, keyed by the start of the file's hash.</summary>
public sealed record SubmissionResult(
    string Id,
    string File,
    DateTimeOffset ProcessedAt,
    string Status,
    string? FileError,
    IReadOnlyList<SubmissionResult.Item> Submissions,
    string? QuarantinedTo,
    IReadOnlyList<string> Feedback)
{
    public const string Accepted = "accepted";
    public const string Refused = "refused";
    public const string Partly = "partly";
    public const string SeenBefore = "seen-before";

    public sealed record Item(string Unit, string Period, string Status, int? Version, IReadOnlyList<Message> Messages);

    public sealed record Message(string Rule, string Severity, string? Indicator, int? Row, string? Cell, string Vi, string En);
}
