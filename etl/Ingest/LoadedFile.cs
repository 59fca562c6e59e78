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

    /// <summary>The operating system refused the bytes (missing, locked): reported, never quarantined.</summary>
    public string? IoError { get; init; }

    /// <summary>The bytes are there but are not a submission file (quarantined with this message).</summary>
    public UnreadableFileException? Unreadable { get; init; }
}
