using Analytics.Etl.Files;

namespace Analytics.Etl.Ingest;

/// <summary>
/// A submission file as read ahead of its batch: its hash and drafts, or why it could not be
/// read. Nothing here touches the warehouse; whether the file was ingested before is decided
/// when its batch is loaded.
/// </summary>
internal sealed class LoadedFile(string path)
{
    public string Path { get; } = path;

    /// <summary>SHA-256 of the bytes; null when the file could not be read at all.</summary>
    public string? Hash { get; init; }

    /// <summary>csv, xlsx, template or json; null when the file could not be read at all.</summary>
    public string? Format { get; init; }

    public List<SubmissionDraft> Drafts { get; init; } = [];

    /// <summary>The values of all the drafts, as sent (what <see cref="BatchCutter"/> counts).</summary>
    public long ValueCount
    {
        get
        {
            var n = 0L;
            foreach (var d in Drafts) n += d.Values.Count;
            return n;
        }
    }

    /// <summary>The operating system refused the bytes (missing, locked): reported, never quarantined.</summary>
    public string? IoError { get; init; }

    /// <summary>The bytes are there but are not a submission file (quarantined with this message).</summary>
    public UnreadableFileException? Unreadable { get; init; }

    private List<ValidatedSubmission>? _checked;

    /// <summary>Runs the rules that need no history on every draft, and hashes each, ahead of loading.</summary>
    public void CheckAhead(IngestContext context)
    {
        var checkedDrafts = new List<ValidatedSubmission>(Drafts.Count);
        var memo = new SubmissionValidator.IndicatorMemo();
        foreach (var draft in Drafts)
        {
            var s = SubmissionValidator.Check(draft, context, memo);
            s.ContentHash();
            checkedDrafts.Add(s);
        }
        _checked = checkedDrafts;
    }

    /// <summary>
    /// The drafts as checked ahead, handed out once: loading the file a second time (the
    /// file-by-file retry after a failed batch) checks them afresh, since the history rules add
    /// their warnings to what they are given.
    /// </summary>
    public List<ValidatedSubmission> TakeChecked(IngestContext context)
    {
        if (_checked is null) CheckAhead(context);
        var taken = _checked!;
        _checked = null;
        return taken;
    }
}
