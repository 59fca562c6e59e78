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
    private readonly ChunkRows _rows;

    public FactChunkWriter(DuckDbConnection connection)
    {
        _rows = new ChunkRows(connection, "fact_value");
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long submissionId, int unitId, int periodId, short indicatorId, in ParsedValue value, in DraftValue source)
    {
        var chunk = _rows.Chunk;
        var r = _rows.Row;
        chunk.GetSpan<long>(0)[r] = submissionId;
        chunk.GetSpan<int>(1)[r] = unitId;
        chunk.GetSpan<int>(2)[r] = periodId;
        chunk.GetSpan<short>(3)[r] = indicatorId;
        if (value.Number is { } number) chunk.GetSpan<double>(4)[r] = number;
        else chunk.SetNull(4, r);
        SetText(5, r, value.Category);
        if (source.Row is { } row) chunk.GetSpan<int>(6)[r] = row;
        else chunk.SetNull(6, r);
        SetText(7, r, source.ValueCell ?? source.Cell);
        SetText(8, r, source.Note);
        _rows.EndRow();
    }

    private void SetText(int column, int row, string? text)
    {
        if (text is null) _rows.Chunk.SetNull(column, row);
        else _rows.Chunk.SetString(column, row, text);
    }

    /// <summary>Appends what is buffered and closes the appender (errors surface here).</summary>
    public void Close() => _rows.Close();

    public void Dispose() => _rows.Dispose();
}
