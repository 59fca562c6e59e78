using System.Security.Cryptography;
using System.Text.Json;
using Analytics.Etl.Ingest;
using Analytics.Warehouse.Store;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Operations;

/// <summary>
/// Ingests every submission file lying in the inbox, writes each file's result for the page and
/// moves the file to processed/ or refused/. Safe to run again after a crash at any point: the
/// ingestor skips bytes it has loaded before, the result is rewritten, and the move happens last.
/// </summary>
public static class InboxIngest
{
    public const string ProcessedFolder = "processed";
    public const string RefusedFolder = "refused";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Files waiting in the inbox (not its sub-folders; uploads arrive under a dot name and are renamed when whole).</summary>
    public static IReadOnlyList<string> Waiting(string inbox) =>
        Directory.Exists(inbox)
            ? [.. Directory.EnumerateFiles(inbox).Where(Ingestor.IsSubmissionFile).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>
    /// A receipt manifest dropped in the inbox with the files (`file,received_at`, as `analytics sample`
    /// writes it): files it names are loaded with those receipt times, so back-loaded history keeps its
    /// timeliness. It is moved to processed/manifests/ once none of the files it names is waiting any more.
    /// </summary>
    public const string ManifestName = "manifest.csv";

    /// <summary>Files loaded per transaction; each batch's results are written and its files moved before the next.</summary>
    public const int BatchSize = 200;

    public static IReadOnlyList<SubmissionResult> Run(
        Analytics.Warehouse.Warehouse warehouse, ServiceSettings settings, TimeProvider clock, CancellationToken cancellationToken,
        IProgress<(int Done, int Total)>? progress = null)
    {
        var files = Waiting(settings.Inbox);
        if (files.Count == 0) return [];
        var manifestPath = Path.Combine(settings.Inbox, ManifestName);
        using var connection = warehouse.Connect();
        var ingestor = new Ingestor(connection, new IngestOptions
        {
            Manifest = ReceiptManifest.Read(manifestPath),
            QuarantineDirectory = settings.QuarantineDirectory,
            FeedbackDirectory = settings.FeedbackDirectory,
        }, clock);
        // Oldest receipt first, so versions of the same unit and period are numbered in the order they came.
        files = ingestor.Expand(files);
        var results = new List<SubmissionResult>(files.Count);
        progress?.Report((0, files.Count));
        foreach (var batch in files.Chunk(BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var outcomes = ingestor.IngestFiles(batch);
            foreach (var (file, outcome) in batch.Zip(outcomes))
            {
                // The ingestor hashed the bytes already; only a file it could not read is read again here.
                var id = (outcome.FileHash ?? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))))[..12];
                var result = outcome.AlreadyIngested
                    ? Load(settings, id) ?? FromWarehouse(connection, file, id, clock)
                    : Describe(outcome, id, clock);
                Save(settings, result);
                Move(file, id, settings.Inbox, result.Status == SubmissionResult.Refused ? RefusedFolder : ProcessedFolder);
                results.Add(result);
            }
            progress?.Report((results.Count, files.Count));
        }
        RetireManifest(manifestPath, settings.Inbox, clock);
        return results;
    }

    private static void RetireManifest(string manifestPath, string inbox, TimeProvider clock)
    {
        if (!File.Exists(manifestPath)) return;
        var named = ReceiptManifest.Read(manifestPath).Keys.ToHashSet(StringComparer.Ordinal);
        if (Waiting(inbox).Any(f => named.Contains(Path.GetFullPath(f)))) return;
        // Kept under its own name, which ingest never takes for a submission, in a folder per retirement.
        var target = Path.Combine(inbox, ProcessedFolder, "manifests", $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}");
        Directory.CreateDirectory(target);
        File.Move(manifestPath, Path.Combine(target, ManifestName), overwrite: true);
    }

    public static SubmissionResult? Load(ServiceSettings settings, string id)
    {
        if (id.Any(c => !char.IsAsciiHexDigitLower(c))) return null;
        var path = Path.Combine(settings.SubmissionsDirectory, id + ".json");
        return File.Exists(path) ? JsonSerializer.Deserialize<SubmissionResult>(File.ReadAllText(path), Json) : null;
    }

    /// <summary>Every result written, newest first.</summary>
    public static IReadOnlyList<SubmissionResult> All(ServiceSettings settings) =>
        Directory.Exists(settings.SubmissionsDirectory)
            ? [.. Directory.EnumerateFiles(settings.SubmissionsDirectory, "*.json")
                .Select(p => JsonSerializer.Deserialize<SubmissionResult>(File.ReadAllText(p), Json)!)
                .OrderByDescending(r => r.ProcessedAt)]
            : [];

    private static SubmissionResult Describe(FileOutcome outcome, string id, TimeProvider clock)
    {
        var items = outcome.Submissions.Select(s => new SubmissionResult.Item(s.UnitCode, s.PeriodCode, s.Status, s.Version,
            [.. s.Messages.Select(m => new SubmissionResult.Message(m.RuleId, m.Severity == Severity.Error ? "error" : "warning",
                m.Indicator, m.Row, m.Cell, m.Text.Vi, m.Text.En))])).ToList();
        var status = outcome.FileError is not null || (outcome.Refused > 0 && outcome.Refused == outcome.Submissions.Count) || outcome.Submissions.Count == 0
            ? SubmissionResult.Refused
            : outcome.Refused > 0 ? SubmissionResult.Partly : SubmissionResult.Accepted;
        return new SubmissionResult(id, Path.GetFileName(outcome.Path), clock.GetUtcNow(), status, outcome.FileError, items,
            outcome.QuarantinedTo, [.. outcome.FeedbackFiles.Select(Path.GetFileName).OfType<string>()]);
    }

    /// <summary>The file was loaded before but its result was never written (a crash in between): say so from the warehouse's record.</summary>
    private static SubmissionResult FromWarehouse(DuckDB.NET.Data.DuckDBConnection connection, string file, string id, TimeProvider clock)
    {
        var refusedOnly = connection.Scalar<bool?>(
            "SELECT bool_and(accepted = 0) FROM ingested_file WHERE starts_with(file_hash, $1)", id) ?? false;
        return new SubmissionResult(id, Path.GetFileName(file), clock.GetUtcNow(),
            refusedOnly ? SubmissionResult.Refused : SubmissionResult.SeenBefore, null, [], null, []);
    }

    private static void Save(ServiceSettings settings, SubmissionResult result)
    {
        Directory.CreateDirectory(settings.SubmissionsDirectory);
        var path = Path.Combine(settings.SubmissionsDirectory, result.Id + ".json");
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(result, Json));
        File.Move(temp, path, overwrite: true);
    }

    private static void Move(string file, string id, string inbox, string folder)
    {
        var target = Path.Combine(inbox, folder);
        Directory.CreateDirectory(target);
        var path = Path.Combine(target, Path.GetFileName(file));
        // A different file with the same name came before: keep both, told apart by content.
        if (File.Exists(path)) path = Path.Combine(target, $"{id}-{Path.GetFileName(file)}");
        File.Move(file, path, overwrite: true);
    }
}
