namespace Analytics.Etl.Ingest;

public sealed record IngestOptions
{
    /// <summary>Received time for every file (back-loading history); null: the manifest's time, else now.</summary>
    public DateTime? ReceivedAt { get; init; }

    /// <summary>Received time per file, keyed by full path, e.g. from a sample's manifest.csv.</summary>
    public IReadOnlyDictionary<string, DateTime> Manifest { get; init; } = new Dictionary<string, DateTime>();

    /// <summary>Where refused files are copied with their messages; null: no copy.</summary>
    public string? QuarantineDirectory { get; init; }

    /// <summary>Where annotated copies of refused workbooks go; null: none written.</summary>
    public string? FeedbackDirectory { get; init; }

    /// <summary>Messages in English instead of Vietnamese.</summary>
    public bool English { get; init; }
}
