using System.Security.Cryptography;
using Analytics.Etl.Files;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Etl.Ingest;

/// <summary>
/// Loads submission files into the warehouse. Each file is one transaction: its accepted
/// submissions (new versions), its refused ones (kept in quarantine with their messages) and
/// the record that the file was seen all commit together or not at all, so a crash leaves no
/// half submission and re-running the file finishes the job. The same bytes twice change nothing.
/// </summary>
public sealed class Ingestor
{
    private readonly DuckDbConnection _connection;
    private readonly IngestOptions _options;
    private readonly TimeProvider _clock;
    private IngestContext _context;

    public Ingestor(DuckDbConnection connection, IngestOptions options, TimeProvider clock)
    {
        _connection = connection;
        _options = options;
        _clock = clock;
        _context = IngestContext.Load(connection);
    }

    /// <summary>Re-reads the registry and catalog (after a units import in the same process).</summary>
    public void Reload() => _context = IngestContext.Load(_connection);

    /// <summary>Files under the given files and folders, in the order their receipt time (then name) says.</summary>
    public IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(IsSubmissionFile));
            }
            else
            {
                files.Add(path);
            }
        }
        return [.. files.Distinct().OrderBy(ReceivedAt).ThenBy(f => f, StringComparer.Ordinal)];
    }

    public static bool IsSubmissionFile(string path)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith('.') || name.StartsWith("~$", StringComparison.Ordinal)) return false;
        if (name.Equals("manifest.csv", StringComparison.OrdinalIgnoreCase) || name.Equals("units.csv", StringComparison.OrdinalIgnoreCase)) return false;
        var ext = Path.GetExtension(name).ToLowerInvariant();
        return ext is ".csv" or ".xlsx" or ".xlsm" or ".json";
    }

    public DateTime ReceivedAt(string path) =>
        _options.ReceivedAt
        ?? (_options.Manifest.TryGetValue(Path.GetFullPath(path), out var t) ? t : _clock.GetUtcNow().UtcDateTime);

    public FileOutcome IngestFile(string path)
    {
        var receivedAt = ReceivedAt(path);
        string format;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
            format = SubmissionFileReader.FormatOf(path);
        }
        catch (IOException e)
        {
            return new FileOutcome(path, "?", receivedAt) { FileError = $"{Path.GetFileName(path)}: không đọc được tệp ({e.Message})" };
        }
        var fileHash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (_connection.Scalar<long>("SELECT count(*) FROM ingested_file WHERE file_hash = $1", fileHash) > 0)
            return new FileOutcome(path, format, receivedAt) { AlreadyIngested = true };

        List<SubmissionDraft> drafts;
        try
        {
            drafts = SubmissionFileReader.Read(path);
        }
        catch (UnreadableFileException e)
        {
            var quarantined = Quarantine(path, fileHash, [e.Message]);
            return new FileOutcome(path, format, receivedAt) { FileError = e.Message, QuarantinedTo = quarantined };
        }

        var history = LoadHistory(drafts);
        var validated = drafts.Select(d => SubmissionValidator.Validate(d, _context, history, receivedAt)).ToList();
        var (outcomes, values) = Write(path, fileHash, format, receivedAt, validated);

        string? quarantinedTo = null;
        var feedback = new List<string>();
        var refused = validated.Where(v => !v.Accepted).ToList();
        if (refused.Count > 0)
        {
            quarantinedTo = Quarantine(path, fileHash, refused.SelectMany(r => r.Messages.Select(m =>
                m.Format(path, r.Draft.Sheet, r.UnitCode, r.PeriodCode, _options.English))));
            if (_options.FeedbackDirectory is { } dir && format is "xlsx" or "template")
                feedback.Add(FeedbackWorkbook.Write(path, refused, dir, _options.English));
        }
        return new FileOutcome(path, format, receivedAt)
        {
            Submissions = outcomes,
            Values = values,
            QuarantinedTo = quarantinedTo,
            FeedbackFiles = feedback,
        };
    }

    /// <summary>Current values of the file's units, for reconciliation and outlier checks.</summary>
    private UnitHistory LoadHistory(List<SubmissionDraft> drafts)
    {
        var unitIds = drafts
            .Select(d => SubmissionValidator.Clean(d.UnitText))
            .Where(c => _context.UnitIds.ContainsKey(c))
            .Select(c => _context.UnitIds[c])
            .Distinct()
            .ToList();
        if (unitIds.Count == 0) return UnitHistory.Empty;

        _connection.Execute("CREATE OR REPLACE TEMP TABLE ingest_units (unit_id INTEGER)");
        using (var appender = _connection.CreateAppender("ingest_units"))
        {
            foreach (var id in unitIds) appender.Append(id).EndRow();
            appender.Close();
        }
        var history = new UnitHistory();
        using var reader = _connection.Query("""
            SELECT f.unit_id, f.indicator_id, f.period_id, f.value
            FROM fact_value f
            JOIN ingest_units u ON u.unit_id = f.unit_id
            JOIN submission s ON s.submission_id = f.submission_id AND s.is_current
            WHERE f.value IS NOT NULL
            ORDER BY f.period_id
            """);
        while (reader.Read())
        {
            if (_context.PeriodsById.TryGetValue(reader.GetInt32(2), out var period))
                history.Add(reader.GetInt32(0), (short)reader.GetInt32(1), period, reader.GetDouble(3));
        }
        return history;
    }

    private (List<SubmissionOutcome> Outcomes, int Values) Write(string path, string fileHash, string format, DateTime receivedAt, List<ValidatedSubmission> submissions)
    {
        var loadedAt = _clock.GetUtcNow().UtcDateTime;
        var outcomes = new List<SubmissionOutcome>();
        var valueCount = 0;
        using var tx = _connection.BeginTransaction();

        var current = CurrentVersions(submissions.Where(s => s.Accepted));
        var nextId = _connection.Scalar<long>("SELECT coalesce(max(submission_id), 0) + 1 FROM submission");
        var retired = new List<(string Unit, string Period)>();

        using (var submissionRows = _connection.CreateAppender("submission"))
        using (var facts = _connection.CreateAppender("fact_value"))
        using (var messages = _connection.CreateAppender("submission_message"))
        using (var quarantine = _connection.CreateAppender("quarantine_value"))
        {
            // Several submissions of one file may be for the same unit and period (a unit listed twice):
            // later ones are later versions.
            foreach (var s in submissions)
            {
                var hash = s.ContentHash();
                if (s.Accepted)
                {
                    var key = (s.UnitCode, s.PeriodCode);
                    current.TryGetValue(key, out var existing);
                    if (existing.Hash == hash)
                    {
                        outcomes.Add(new SubmissionOutcome(s.UnitCode, s.PeriodCode, SubmissionOutcome.Unchanged, existing.Version, null, s.Messages));
                        continue;
                    }
                    var version = existing.Version + 1;
                    if (existing.Version > 0) retired.Add(key);
                    var id = nextId++;
                    AppendSubmission(submissionRows, id, s, version, "accepted", true, path, format, hash, receivedAt, loadedAt);
                    var unitId = _context.UnitIds[s.UnitCode];
                    foreach (var v in s.Values)
                    {
                        facts.Append(id).Append(unitId).Append(s.Period!.Id).Append((int)v.Indicator.Id)
                            .Append(v.Number).Append(v.Category).Append(v.Source.Row).Append(v.Source.ValueCell ?? v.Source.Cell).Append(v.Source.Note).EndRow();
                        valueCount++;
                    }
                    AppendMessages(messages, id, s.Messages);
                    current[key] = (version, hash, id);
                    outcomes.Add(new SubmissionOutcome(s.UnitCode, s.PeriodCode, SubmissionOutcome.Accepted, version, id, s.Messages));
                }
                else
                {
                    var id = nextId++;
                    AppendSubmission(submissionRows, id, s, null, "refused", false, path, format, hash, receivedAt, loadedAt);
                    AppendMessages(messages, id, s.Messages);
                    foreach (var v in s.Draft.Values)
                        quarantine.Append(id).Append(v.IndicatorText).Append(v.ValueText).Append(v.Row).Append(v.ValueCell ?? v.Cell).Append(v.Note).EndRow();
                    outcomes.Add(new SubmissionOutcome(s.UnitCode, s.PeriodCode, SubmissionOutcome.Refused, null, id, s.Messages));
                }
            }
            Fault.At("ingest-mid-write");
            submissionRows.Close();
            facts.Close();
            messages.Close();
            quarantine.Close();
        }

        // Only the latest accepted version of (unit, period) is current; earlier ones stay queryable.
        foreach (var (unit, period) in retired.Distinct())
        {
            _connection.Execute("""
                UPDATE submission SET is_current = false
                WHERE unit_code = $1 AND period_code = $2 AND is_current
                  AND submission_id <> (SELECT max(submission_id) FROM submission WHERE unit_code = $1 AND period_code = $2 AND status = 'accepted')
                """, unit, period);
        }

        _connection.Execute("INSERT INTO ingested_file VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            fileHash, Path.GetFileName(path), Path.GetFullPath(path), format, receivedAt, loadedAt,
            submissions.Count, outcomes.Count(o => o.Status != SubmissionOutcome.Refused), outcomes.Count(o => o.Status == SubmissionOutcome.Refused));
        tx.Commit();
        return (outcomes, valueCount);
    }

    /// <summary>The current accepted version and content hash of each (unit, period) in the file.</summary>
    private Dictionary<(string, string), (int Version, string? Hash, long Id)> CurrentVersions(IEnumerable<ValidatedSubmission> accepted)
    {
        var result = new Dictionary<(string, string), (int, string?, long)>();
        var keys = accepted.Select(s => (s.UnitCode, s.PeriodCode)).Distinct().ToList();
        if (keys.Count == 0) return result;
        _connection.Execute("CREATE OR REPLACE TEMP TABLE ingest_keys (unit_code VARCHAR, period_code VARCHAR)");
        using (var appender = _connection.CreateAppender("ingest_keys"))
        {
            foreach (var (unit, period) in keys) appender.Append(unit).Append(period).EndRow();
            appender.Close();
        }
        using var reader = _connection.Query("""
            SELECT s.unit_code, s.period_code, max(s.version), arg_max(s.content_hash, s.version), max(s.submission_id)
            FROM submission s
            JOIN ingest_keys k ON k.unit_code = s.unit_code AND k.period_code = s.period_code
            WHERE s.status = 'accepted'
            GROUP BY ALL
            """);
        while (reader.Read()) result[(reader.GetString(0), reader.GetString(1))] = (reader.GetInt32(2), reader.GetString(3), reader.GetInt64(4));
        return result;
    }

    private static void AppendSubmission(DuckDbAppender appender, long id, ValidatedSubmission s, int? version, string status, bool current,
        string path, string format, string hash, DateTime receivedAt, DateTime loadedAt)
    {
        appender.Append(id).Append(s.UnitCode).Append(s.PeriodCode).Append(version).Append(status).Append(current)
            .Append(Path.GetFileName(path)).Append(s.Draft.Sheet).Append(format).Append(hash)
            .Append(receivedAt).Append(loadedAt).Append(s.Values.Count).Append(s.WarningCount).Append(s.ErrorCount).EndRow();
    }

    private static void AppendMessages(DuckDbAppender appender, long id, IEnumerable<ValidationMessage> messages)
    {
        foreach (var m in messages)
        {
            appender.Append(id).Append(m.RuleId).Append(m.Severity == Severity.Error ? "error" : "warning").Append(m.Indicator)
                .Append(m.Row).Append(m.Cell).Append(m.Text.Vi).Append(m.Text.En).EndRow();
        }
    }

    /// <summary>Copies a refused file into the quarantine folder with a text file of its messages.</summary>
    private string? Quarantine(string path, string fileHash, IEnumerable<string> messages)
    {
        if (_options.QuarantineDirectory is not { } dir) return null;
        Directory.CreateDirectory(dir);
        var target = Path.Combine(dir, $"{fileHash[..12]}-{Path.GetFileName(path)}");
        File.Copy(path, target, overwrite: true);
        File.WriteAllLines(target + ".txt", messages);
        return target;
    }
}
