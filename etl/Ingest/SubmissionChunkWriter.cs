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
    private readonly DuckDbAppender _appender;
    private readonly DuckDbDataChunk _chunk;
    private int _row;

    public SubmissionChunkWriter(DuckDbConnection connection)
    {
        _appender = connection.CreateAppender("submission");
        _chunk = _appender.CreateChunk();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long id, ValidatedSubmission s, int? version, bool accepted, string fileName, string format, string hash, DateTime receivedAt, DateTime loadedAt)
    {
        var r = _row;
        _chunk.GetSpan<long>(0)[r] = id;
        _chunk.SetString(1, r, s.UnitCode);
        _chunk.SetString(2, r, s.PeriodCode);
        if (version is { } v) _chunk.GetSpan<int>(3)[r] = v;
        else _chunk.SetNull(3, r);
        _chunk.SetString(4, r, accepted ? "accepted" : "refused");
        // A new accepted version is current; the one it replaces is retired after the batch is written.
        _chunk.GetSpan<byte>(5)[r] = accepted ? (byte)1 : (byte)0;
        _chunk.SetString(6, r, fileName);
        if (s.Draft.Sheet is { } sheet) _chunk.SetString(7, r, sheet);
        else _chunk.SetNull(7, r);
        _chunk.SetString(8, r, format);
        _chunk.SetString(9, r, hash);
        _chunk.SetTimestamp(10, r, receivedAt);
        _chunk.SetTimestamp(11, r, loadedAt);
        _chunk.GetSpan<int>(12)[r] = s.Values.Count;
        _chunk.GetSpan<int>(13)[r] = s.WarningCount;
        _chunk.GetSpan<int>(14)[r] = s.ErrorCount;
        if (++_row == _chunk.Capacity) Flush();
    }

    private void Flush()
    {
        if (_row == 0) return;
        _chunk.Size = _row;
        _appender.AppendChunk(_chunk);
        _row = 0;
    }

    /// <summary>Appends what is buffered and closes the appender (errors surface here).</summary>
    public void Close()
    {
        Flush();
        _appender.Close();
    }

    public void Dispose()
    {
        _chunk.Dispose();
        _appender.Dispose();
    }
}
