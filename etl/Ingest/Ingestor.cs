using System.Diagnostics;
using System.Runtime.CompilerServices;
using Analytics.Warehouse.Store;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Etl.Ingest;

/// <summary>
/// Loads submission files into the warehouse. Each file is one transaction: its accepted
/// submissions (new versions), its refused ones (kept in quarantine with their messages) and
/// the record that the file was seen all commit together or not at all, so a crash leaves no
/// half submission and re-running the file finishes the job. The same bytes twice change nothing.
/// </summary>
/// <remarks>
/// Speed (docs/benchmarks.md, "Ingest"): files are read and parsed ahead on other threads
/// (<see cref="FileReadAhead"/>); rows go to DuckDB in columnar chunks. The methods that run once
/// per value carry <see cref="MethodImplOptions.AggressiveOptimization"/>: an ingest runs them in
/// one long pass, and on a busy machine the tiered JIT's background recompilation lags so far
/// that most of a run stayed in unoptimised code (a quarter's CSVs: 9.7 s to read, 1.4 s optimised).
/// With tiered compilation off (the CLI) they still beat their ReadyToRun versions, which are
/// compiled without cross-assembly inlining; <see cref="JitWarmup"/> compiles them while the
/// registry loads, since ReadyToRun leaves such methods to the JIT.
/// </remarks>
public sealed class Ingestor
{
    private readonly DuckDBConnection _connection;
    private readonly IngestOptions _options;
    private readonly TimeProvider _clock;
    private readonly IngestContext _context;
    private readonly CurrentVersions _current = new();

    // The history rules' view of the warehouse during a run (IngestFiles).
    private RunHistory? _history;

    /// <summary>Where this ingestor's time went so far.</summary>
    public IngestTimings Timings { get; } = new();

    public Ingestor(DuckDBConnection connection, IngestOptions options, TimeProvider clock)
    {
        _connection = connection;
        _options = options;
        _clock = clock;
        JitWarmup.Start();
        _context = IngestContext.Load(connection);
    }

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

    /// <summary>Ingests one file in its own transaction.</summary>
    public FileOutcome IngestFile(string path) => IngestFiles([path])[0];

    /// <summary>
    /// Ingests files in order, in batches of up to <paramref name="batchSize"/> files per transaction:
    /// the per-transaction work (current versions, identifiers, commit) is paid once per batch, not
    /// once per file, and the units' history is read once per run (<see cref="RunHistory"/>). A
    /// batch commits whole or not at all, so a crash leaves no half submission and re-running
    /// finishes the job (files already committed are skipped by hash).
    /// Batches end by the values they carry (<see cref="BatchCutter"/>): each is past DuckDB's row
    /// group size, so its rows are written compressed straight to the database file instead of to
    /// the write-ahead log and then again at a checkpoint; the first is the smallest, so loading
    /// starts soon.
    /// </summary>
    public IReadOnlyList<FileOutcome> IngestFiles(IReadOnlyList<string> paths, IProgress<int>? progress = null, int batchSize = 1000)
    {
        var outcomes = new List<FileOutcome>(paths.Count);
        _current.Clear();
        CheckpointDeferral? checkpoints = null;
        _history = new RunHistory(_connection, _context);
        try
        {
            using var files = new FileReadAhead(paths, batchSize, _context, Timings);
            var batches = 0;
            while (files.Next() is { } batch)
            {
                // From the second batch on, one checkpoint at the end.
                if (++batches == 2) checkpoints = CheckpointDeferral.Begin(_connection, Timings);
                try
                {
                    outcomes.AddRange(IngestBatch(batch, moreToCome: outcomes.Count + batch.Count < paths.Count));
                }
                catch (System.Data.Common.DbException) when (batch.Count > 1)
                {
                    // Something in the batch upset the database (not a validation matter): retry file by
                    // file so one odd file cannot hold back the others. The history took the batch's
                    // values, which did not commit: read it again.
                    _history.BatchFailed();
                    foreach (var file in batch) outcomes.AddRange(IngestBatch([file], moreToCome: true));
                }
                progress?.Report(outcomes.Count);
            }
        }
        finally
        {
            checkpoints?.Dispose();
            // A long run's history holds every unit's values (onto years of national history, some
            // 250 MB): let it go with the run, whether or not this ingestor is kept.
            _history = null;
        }
        return outcomes;
    }

    private sealed class PendingFile(string path, string format, DateTime receivedAt, string hash)
    {
        public string Path { get; } = path;
        public string Format { get; } = format;
        public DateTime ReceivedAt { get; } = receivedAt;
        public string Hash { get; } = hash;
        public List<ValidatedSubmission> Submissions { get; } = [];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<FileOutcome> IngestBatch(List<LoadedFile> files, bool moreToCome)
    {
        var results = new FileOutcome?[files.Count];
        var pending = new List<(int Index, PendingFile File, List<ValidatedSubmission> Checked)>();
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i].IoError is { } error)
                results[i] = new FileOutcome(files[i].Path, "?", ReceivedAt(files[i].Path)) { FileError = error };
        }

        var t = Stopwatch.GetTimestamp();
        var seen = AlreadyIngested(files.Where(f => f.Hash is not null).Select(f => f.Hash!));
        Timings.AddLookups(t);
        for (var i = 0; i < files.Count; i++)
        {
            if (results[i] is not null) continue;
            var file = files[i];
            var receivedAt = ReceivedAt(file.Path);
            if (!seen.Add(file.Hash!))
            {
                results[i] = new FileOutcome(file.Path, file.Format!, receivedAt) { AlreadyIngested = true, FileHash = file.Hash };
            }
            else if (file.Unreadable is { } e)
            {
                var quarantined = Quarantine(file.Path, file.Hash!, [e.Message]);
                results[i] = new FileOutcome(file.Path, file.Format!, receivedAt) { FileError = e.Message, QuarantinedTo = quarantined, FileHash = file.Hash };
            }
            else
            {
                pending.Add((i, new PendingFile(file.Path, file.Format!, receivedAt, file.Hash!), file.TakeChecked(_context)));
            }
        }

        if (pending.Count > 0)
        {
            t = Stopwatch.GetTimestamp();
            var history = _history!.ForBatch(pending.SelectMany(p => p.Checked), moreToCome);
            Timings.AddLookups(t);
            t = Stopwatch.GetTimestamp();
            foreach (var (_, file, checkedDrafts) in pending)
            {
                foreach (var validated in checkedDrafts)
                {
                    var awaited = validated.AwaitsHistory;
                    SubmissionValidator.CheckAgainstHistory(validated, _context, history, file.ReceivedAt);
                    file.Submissions.Add(validated);
                    // Accepted: from here on it is the unit's current version for the period, for the
                    // submissions after it in this batch and in the batches after (whether new or a
                    // resend of the same values, which Write then skips).
                    if (awaited) _history.Apply(validated);
                }
            }
            Timings.AddValidating(t);
            var written = Write([.. pending.Select(p => p.File)]);
            for (var k = 0; k < pending.Count; k++)
            {
                var (index, file, _) = pending[k];
                results[index] = Finish(file, written[k].Outcomes, written[k].Values);
            }
        }
        return [.. results.Select(r => r!)];
    }

    /// <summary>After the commit: copy refused files to quarantine and write feedback workbooks.</summary>
    private FileOutcome Finish(PendingFile file, List<SubmissionOutcome> outcomes, int values)
    {
        string? quarantinedTo = null;
        var feedback = new List<string>();
        var refused = file.Submissions.Where(v => !v.Accepted).ToList();
        if (refused.Count > 0)
        {
            quarantinedTo = Quarantine(file.Path, file.Hash, refused.SelectMany(r => r.Messages.Select(m =>
                m.Format(file.Path, r.Draft.Sheet, r.UnitCode, r.PeriodCode, _options.English))));
            if (_options.FeedbackDirectory is { } dir && file.Format is "xlsx" or "template")
                feedback.Add(FeedbackWorkbook.Write(file.Path, refused, dir, _options.English));
        }
        return new FileOutcome(file.Path, file.Format, file.ReceivedAt)
        {
            FileHash = file.Hash,
            Submissions = outcomes,
            Values = values,
            QuarantinedTo = quarantinedTo,
            FeedbackFiles = feedback,
        };
    }

    /// <summary>Which of these file hashes were ingested before.</summary>
    private HashSet<string> AlreadyIngested(IEnumerable<string> hashes)
    {
        var list = hashes.Distinct().ToList();
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (list.Count == 0) return found;
        _connection.Execute("CREATE OR REPLACE TEMP TABLE ingest_hashes (file_hash VARCHAR)");
        using (var appender = _connection.CreateAppender("ingest_hashes"))
        {
            foreach (var h in list) appender.CreateRow().AppendValue(h).EndRow();
            appender.Close();
        }
        found.UnionWith(_connection.Query<string>("SELECT f.file_hash FROM ingested_file f JOIN ingest_hashes h USING (file_hash)"));
        return found;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<(List<SubmissionOutcome> Outcomes, int Values)> Write(List<PendingFile> files)
    {
        var loadedAt = _clock.GetUtcNow().UtcDateTime;
        var results = new List<(List<SubmissionOutcome>, int)>(files.Count);
        var t = Stopwatch.GetTimestamp();
        using var tx = _connection.BeginTransaction();

        var accepted = files.SelectMany(f => f.Submissions).Where(s => s.Accepted).ToList();
        _current.Load(_connection, accepted.Select(s => s.Period!).DistinctBy(p => p.Id), _context.UnitIds);
        // What this batch writes, by CurrentVersions.Key; taken into _current only once the batch has committed.
        var written = new Dictionary<long, (int Version, string Hash, long Id)>(accepted.Count);
        var nextId = _connection.Scalar<long>("SELECT coalesce(max(submission_id), 0) + 1 FROM submission");
        Timings.AddLookups(t);
        t = Stopwatch.GetTimestamp();
        // The submissions a new version replaces: the current one of each (unit, period) written to.
        var retired = new List<long>();

        using (var submissionRows = new SubmissionWriter(_connection))
        using (var facts = new FactWriter(_connection))
        using (var messages = _connection.CreateAppender("submission_message"))
        using (var quarantine = _connection.CreateAppender("quarantine_value"))
        using (var ingested = _connection.CreateAppender("ingested_file"))
        {
            foreach (var file in files)
            {
                var fileName = Path.GetFileName(file.Path);
                var outcomes = new List<SubmissionOutcome>();
                var valueCount = 0;
                // Several submissions may be for the same unit and period (a unit listed twice, or
                // sent again in a later file of the batch): later ones are later versions.
                foreach (var s in file.Submissions)
                {
                    var hash = s.ContentHash();
                    if (s.Accepted)
                    {
                        var unitId = s.UnitId;
                        var periodId = s.Period!.Id;
                        var key = CurrentVersions.Key(unitId, periodId);
                        var existing = written.TryGetValue(key, out var earlier) ? earlier : _current.Get(unitId, periodId);
                        if (existing.Hash == hash)
                        {
                            outcomes.Add(new SubmissionOutcome(s.UnitCode, s.PeriodCode, SubmissionOutcome.Unchanged, existing.Version, null, s.Messages));
                            continue;
                        }
                        var version = existing.Version + 1;
                        if (existing.Version > 0) retired.Add(existing.Id);
                        var id = nextId++;
                        submissionRows.Add(id, s, version, accepted: true, fileName, file.Format, hash, file.ReceivedAt, loadedAt);
                        foreach (var v in s.Values)
                        {
                            facts.Add(id, unitId, periodId, v.Indicator.Id, v, s.SourceOf(v));
                            valueCount++;
                        }
                        AppendMessages(messages, id, s.Messages);
                        written[key] = (version, hash, id);
                        outcomes.Add(new SubmissionOutcome(s.UnitCode, s.PeriodCode, SubmissionOutcome.Accepted, version, id, s.Messages));
                    }
                    else
                    {
                        var id = nextId++;
                        submissionRows.Add(id, s, null, accepted: false, fileName, file.Format, hash, file.ReceivedAt, loadedAt);
                        AppendMessages(messages, id, s.Messages);
                        foreach (var v in s.Draft.Values)
                            quarantine.CreateRow().AppendValue(id).AppendValue(v.IndicatorText).AppendValue(v.ValueText).AppendValue(v.Row).AppendValue(v.ValueCell ?? v.Cell).AppendValue(v.Note).EndRow();
                        outcomes.Add(new SubmissionOutcome(s.UnitCode, s.PeriodCode, SubmissionOutcome.Refused, null, id, s.Messages));
                    }
                }
                ingested.CreateRow().AppendValue(file.Hash).AppendValue(Path.GetFileName(file.Path)).AppendValue(Path.GetFullPath(file.Path)).AppendValue(file.Format)
                    .AppendValue(file.ReceivedAt).AppendValue(loadedAt).AppendValue(file.Submissions.Count)
                    .AppendValue(outcomes.Count(o => o.Status != SubmissionOutcome.Refused)).AppendValue(outcomes.Count(o => o.Status == SubmissionOutcome.Refused)).EndRow();
                results.Add((outcomes, valueCount));
            }
            Fault.At("ingest-mid-write");
            submissionRows.Close();
            facts.Close();
            messages.Close();
            quarantine.Close();
            ingested.Close();
        }
        Timings.AddWriting(t);
        t = Stopwatch.GetTimestamp();

        // Only the latest accepted version of (unit, period) is current; earlier ones stay queryable.
        // By id: the replaced versions are known (CurrentVersions, or earlier in this batch), and ids
        // only grow, so the update reads one integer column and skips most of it by its min/max.
        if (retired.Count > 0)
        {
            _connection.Execute("CREATE OR REPLACE TEMP TABLE ingest_retired (submission_id BIGINT)");
            using (var appender = _connection.CreateAppender("ingest_retired"))
            {
                foreach (var id in retired) appender.CreateRow().AppendValue(id).EndRow();
                appender.Close();
            }
            _connection.Execute("""
                UPDATE submission SET is_current = false
                WHERE submission_id IN (SELECT submission_id FROM ingest_retired) AND is_current
                """);
        }
        tx.Commit();
        _current.Commit(written);
        Timings.AddCommitting(t);
        return results;
    }

    private static void AppendMessages(DuckDBAppender appender, long id, IEnumerable<ValidationMessage> messages)
    {
        foreach (var m in messages)
        {
            appender.CreateRow().AppendValue(id).AppendValue(m.RuleId).AppendValue(m.Severity == Severity.Error ? "error" : "warning").AppendValue(m.Indicator)
                .AppendValue(m.Row).AppendValue(m.Cell).AppendValue(m.Text.Vi).AppendValue(m.Text.En).EndRow();
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
