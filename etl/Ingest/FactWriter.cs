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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long submissionId, int unitId, int periodId, short indicatorId, in ParsedValue value, in DraftValue source) =>
        _appender.CreateRow()
            .AppendValue(submissionId)
            .AppendValue(unitId)
            .AppendValue(periodId)
            .AppendValue(indicatorId)
            .AppendValue(value.Number)
            .AppendValue(value.Category)
            .AppendValue(source.Row)
            .AppendValue(source.ValueCell ?? source.Cell)
            .AppendValue(source.Note)
            .EndRow();

    /// <summary>Appends what is buffered and closes the appender (constraint violations surface here).</summary>
    public void Close() => _appender.Close();

    public void Dispose() => _appender.Dispose();
}
