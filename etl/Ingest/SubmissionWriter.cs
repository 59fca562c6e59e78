using System.Runtime.CompilerServices;
using DuckDB.NET.Data;

namespace Analytics.Etl.Ingest;

/// <summary>
/// Appends submission rows through DuckDB.NET's appender, like <see cref="FactWriter"/>. Column
/// order follows submission (0001_star_schema.sql): submission_id, unit_code, period_code, version,
/// status, is_current, source_file, source_sheet, source_format, content_hash, received_at,
/// loaded_at, value_count, warning_count, error_count.
/// </summary>
internal sealed class SubmissionWriter(DuckDBConnection connection) : IDisposable
{
    private readonly DuckDBAppender _appender = connection.CreateAppender("submission");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(long id, ValidatedSubmission s, int? version, bool accepted, string fileName, string format, string hash, DateTime receivedAt, DateTime loadedAt) =>
        _appender.CreateRow()
            .AppendValue(id)
            .AppendValue(s.UnitCode)
            .AppendValue(s.PeriodCode)
            .AppendValue(version)
            .AppendValue(accepted ? "accepted" : "refused")
            // A new accepted version is current; the one it replaces is retired after the batch is written.
            .AppendValue(accepted)
            .AppendValue(fileName)
            .AppendValue(s.Draft.Sheet)
            .AppendValue(format)
            .AppendValue(hash)
            .AppendValue(receivedAt)
            .AppendValue(loadedAt)
            .AppendValue(s.Values.Count)
            .AppendValue(s.WarningCount)
            .AppendValue(s.ErrorCount)
            .EndRow();

    /// <summary>Appends what is buffered and closes the appender (constraint violations surface here).</summary>
    public void Close() => _appender.Close();

    public void Dispose() => _appender.Dispose();
}
