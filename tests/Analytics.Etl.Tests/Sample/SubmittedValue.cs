namespace Analytics.Etl.Tests.Sample;

/// <summary>
/// One value read back from a submission file: the text as written and, for xlsx numeric cells and
/// JSON numbers, the typed number.
/// </summary>
internal sealed record SubmittedValue(
    string File, int Submission, string Unit, string Period, string Indicator, string Text, decimal? Number, DateTimeOffset ReceivedAt);
