using System.Runtime.CompilerServices;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Etl.Ingest;

/// <summary>
/// Appends submission rows through a columnar data chunk, like <see cref="FactChunkWriter"/>:
/// one call per 2,048 rows instead of fifteen per row. Column order follows submission
/// (0001_star_schema.sql): submission_id, unit_code, period_code, version, status, is_current,
/// source_file, source_sheet, source_format, content_hash, received_at, loaded_at, value_count,
/// warning_count, error_count.
/// </summary>
internal sealed class SubmissionChunkWriter : IDisposable
{
    private readonly ChunkRows _rows;

    public SubmissionChunkWriter(DuckDbConnection connection)
    {
        _rows = new ChunkRows(connection, "submission");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long id, ValidatedSubmission s, int? version, bool accepted, string fileName, string format, string hash, DateTime receivedAt, DateTime loadedAt)
    {
        var chunk = _rows.Chunk;
        var r = _rows.Row;
        chunk.GetSpan<long>(0)[r] = id;
        chunk.SetString(1, r, s.UnitCode);
        chunk.SetString(2, r, s.PeriodCode);
        if (version is { } v) chunk.GetSpan<int>(3)[r] = v;
        else chunk.SetNull(3, r);
        chunk.SetString(4, r, accepted ? "accepted" : "refused");
        // A new accepted version is current; the one it replaces is retired after the batch is written.
        chunk.GetSpan<byte>(5)[r] = accepted ? (byte)1 : (byte)0;
        chunk.SetString(6, r, fileName);
        if (s.Draft.Sheet is { } sheet) chunk.SetString(7, r, sheet);
        else chunk.SetNull(7, r);
        chunk.SetString(8, r, format);
        chunk.SetString(9, r, hash);
        chunk.SetTimestamp(10, r, receivedAt);
        chunk.SetTimestamp(11, r, loadedAt);
        chunk.GetSpan<int>(12)[r] = s.Values.Count;
        chunk.GetSpan<int>(13)[r] = s.WarningCount;
        chunk.GetSpan<int>(14)[r] = s.ErrorCount;
        _rows.EndRow();
    }

    /// <summary>Appends what is buffered and closes the appender (errors surface here).</summary>
    public void Close() => _rows.Close();

    public void Dispose() => _rows.Dispose();
}
