using System.Runtime.CompilerServices;
using DuckDB.NET.Data;

namespace Analytics.Etl.Ingest;

/// <summary>
/// Appends fact_value rows through DuckDB.NET's appender, which buffers them into DuckDB's own
/// data chunks. Column order follows fact_value (0001_star_schema.sql): submission_id, unit_id,
/// period_id, indicator_id, value, category, source_row, source_cell, note.
/// </summary>
internal sealed class FactWriter(DuckDBConnection connection) : IDisposable
{
    private readonly DuckDBAppender _appender = connection.CreateAppender("fact_value");

    // AppendRow writes into one reused row; CreateRow would allocate a row object per fact
    // (docs/benchmarks.md, "Bulk append").
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long submissionId, int unitId, int periodId, short indicatorId, in ParsedValue value, in DraftValue source) =>
        _appender.AppendRow(
            (submissionId, unitId, periodId, indicatorId, value.Number, value.Category, source.Row, Cell: source.ValueCell ?? source.Cell, source.Note),
            static (row, f) => row
                .AppendValue(f.submissionId)
                .AppendValue(f.unitId)
                .AppendValue(f.periodId)
                .AppendValue(f.indicatorId)
                .AppendValue(f.Number)
                .AppendValue(f.Category)
                .AppendValue(f.Row)
                .AppendValue(f.Cell)
                .AppendValue(f.Note));

    /// <summary>Appends what is buffered and closes the appender (constraint violations surface here).</summary>
    public void Close() => _appender.Close();

    public void Dispose() => _appender.Dispose();
}
