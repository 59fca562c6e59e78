namespace Analytics.Etl.Ingest;

/// <summary>The result of ingesting one file.</summary>
public sealed record FileOutcome(string Path, string Format, DateTime ReceivedAt)
{
    /// <summary>The same bytes were ingested before: nothing was done.</summary>
    public bool AlreadyIngested { get; init; }

    /// <summary>SHA-256 of the file's bytes (lower-case hex), the key of "the same bytes again"; null when it could not be read.</summary>
    public string? FileHash { get; init; }

    /// <summary>The file could not be read at all (not UTF-8, not a workbook, missing columns…).</summary>
    public string? FileError { get; init; }

    public IReadOnlyList<SubmissionOutcome> Submissions { get; init; } = [];

    public string? QuarantinedTo { get; init; }

    public IReadOnlyList<string> FeedbackFiles { get; init; } = [];

    public int Accepted => Submissions.Count(s => s.Status == SubmissionOutcome.Accepted);

    public int Unchanged => Submissions.Count(s => s.Status == SubmissionOutcome.Unchanged);

    public int Refused => Submissions.Count(s => s.Status == SubmissionOutcome.Refused);

    public int Warnings => Submissions.Sum(s => s.Messages.Count(m => m.Severity == Severity.Warning));

    public int Values { get; init; }

    public bool AnythingRefused => FileError is not null || Refused > 0;
}
