namespace Analytics.Jobs.Operations;

/// <summary>
/// What a job's run did, in words for the page in Vietnamese and English, and whether it changed
/// anything (an ingest that loaded nothing new does not continue with refresh). Hangfire keeps it as
/// the result of the run.
/// </summary>
public sealed record JobOutcome(string Text, string TextEn, bool Changed)
{
    public string In(bool english) => english ? TextEn : Text;
}
