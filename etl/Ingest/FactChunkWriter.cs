using System.Runtime.CompilerServices;
using Analytics.Warehouse.DuckDb;

namespace Analytics.Etl.Ingest;

/// <summary>
/// Appends fact_value rows through a columnar data chunk: numbers are written straight into
/// DuckDB's vectors, a full chunk goes in one call. Column order follows fact_value
/// (0001_star_schema.sql): submission_id, unit_id, period_id, indicator_id, value, category,
/// source_row, source_cell, note.
/// </summary>
internal sealed class FactChunkWriter : IDisposable
{
    private readonly DuckDbAppender _appender;
    private readonly DuckDbDataChunk _chunk;
    private int _row;

    public FactChunkWriter(DuckDbConnection connection)
    {
        _appender = connection.CreateAppender("fact_value");
        _chunk = _appender.CreateChunk();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long submissionId, int unitId, int periodId, short indicatorId, ParsedValue value)
    {
        var r = _row;
        _chunk.GetSpan<long>(0)[r] = submissionId;
        _chunk.GetSpan<int>(1)[r] = unitId;
        _chunk.GetSpan<int>(2)[r] = periodId;
        _chunk.GetSpan<short>(3)[r] = indicatorId;
        if (value.Number is { } number) _chunk.GetSpan<double>(4)[r] = number;
        else _chunk.SetNull(4, r);
        SetText(5, r, value.Category);
        if (value.Source.Row is { } row) _chunk.GetSpan<int>(6)[r] = row;
        else _chunk.SetNull(6, r);
        SetText(7, r, value.Source.ValueCell ?? value.Source.Cell);
        SetText(8, r, value.Source.Note);
        if (++_row == _chunk.Capacity) Flush();
    }

    private void SetText(int column, int row, string? text)
    {
        if (text is null) _chunk.SetNull(column, row);
        else _chunk.SetString(column, row, text);
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
