using Analytics.Etl.Ingest;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Operations;

/// <summary>What to load and how: files and folders, with the receipt times and where refused files go.</summary>
public sealed record IngestFilesRequest(IReadOnlyList<string> Paths)
{
    /// <summary>One receipt time for every file (back-loading history); else the manifests' time, else now.</summary>
    public DateTime? ReceivedAt { get; init; }

    /// <summary>A CSV of file,received_at named explicitly; manifest.csv files in the folders are read too.</summary>
    public string? Manifest { get; init; }

    public string? FeedbackDirectory { get; init; }

    /// <summary>Where refused files are copied; default quarantine/ beside the warehouse.</summary>
    public string? QuarantineDirectory { get; init; }

    public bool English { get; init; }

    /// <summary>Files per transaction.</summary>
    public int Batch { get; init; } = 1000;
}

/// <summary>Totals over a load, as the ingest summary shows them.</summary>
public sealed record IngestTotals(int Files, int Skipped, int Unreadable, int Submissions, int Accepted, int Unchanged, int Refused, int Warnings, long Values);

/// <summary>
/// `analytics ingest PATH...`: submission files and folders (searched recursively) loaded through
/// validation, each submission accepted or refused on its own, with the receipt manifests found in the folders.
/// </summary>
public sealed class IngestFiles
{
    private readonly Ingestor _ingestor;
    private readonly IngestFilesRequest _request;

    public IngestFiles(DuckDBConnection connection, string warehousePath, IngestFilesRequest request, TimeProvider clock)
    {
        _request = request;
        var options = new IngestOptions
        {
            ReceivedAt = request.ReceivedAt,
            Manifest = LoadManifests(request),
            FeedbackDirectory = request.FeedbackDirectory,
            QuarantineDirectory = request.QuarantineDirectory ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(warehousePath)) ?? ".", "quarantine"),
            English = request.English,
        };
        _ingestor = new Ingestor(connection, options, clock);
        Files = _ingestor.Expand(request.Paths);
    }

    /// <summary>The submission files the paths name, in load order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Loads every file; <paramref name="progress"/> hears how many are done.</summary>
    public IReadOnlyList<FileOutcome> Run(IProgress<int>? progress = null) => _ingestor.IngestFiles(Files, progress, _request.Batch);

    public static IngestTotals Totals(IReadOnlyList<FileOutcome> outcomes) => new(
        outcomes.Count, outcomes.Count(o => o.AlreadyIngested), outcomes.Count(o => o.FileError is not null),
        outcomes.Sum(o => o.Submissions.Count), outcomes.Sum(o => o.Accepted), outcomes.Sum(o => o.Unchanged),
        outcomes.Sum(o => o.Refused), outcomes.Sum(o => o.Warnings), outcomes.Sum(o => (long)o.Values));

    /// <summary>Receipt times: the explicit manifest, then every manifest.csv under the folders given.</summary>
    private static Dictionary<string, DateTime> LoadManifests(IngestFilesRequest request)
    {
        var manifests = new List<string>();
        if (request.Manifest is { } explicitManifest) manifests.Add(explicitManifest);
        foreach (var folder in request.Paths.Where(Directory.Exists))
            manifests.AddRange(Directory.EnumerateFiles(folder, "manifest.csv", SearchOption.AllDirectories));
        var map = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        foreach (var manifest in manifests.Distinct())
            foreach (var (file, time) in ReceiptManifest.Read(manifest)) map[file] = time;
        return map;
    }
}
