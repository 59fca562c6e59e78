namespace Analytics.Etl.Ingest;

/// <summary>
/// A checked value: a number, or a category for category indicators. <see cref="SourceIndex"/> is
/// the value's place in its draft's <see cref="SubmissionDraft.Values"/> (see
/// <see cref="ValidatedSubmission.SourceOf"/>); a struct like <see cref="DraftValue"/>, for the same reason.
/// </summary>
public readonly record struct ParsedValue(IndicatorRule Indicator, double? Number, string? Category, int SourceIndex);
