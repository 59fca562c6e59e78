using System.Diagnostics;
using Analytics.Warehouse.Store;
using DuckDB.NET.Data;

namespace Analytics.Etl.Ingest;

/// <summary>
/// Holds DuckDB's automatic checkpoints back during a multi-batch ingest and checkpoints once at
/// the end. DuckDB checkpoints at a commit when the write-ahead log passes checkpoint_threshold
/// (16 MB by default): during a bulk load that is every few batches, and each one rewrote the
/// tables' open row groups and the submission indexes again (a national quarter: about half the
/// commit time). Every batch still commits to the write-ahead log, so a crash loses nothing that
/// was committed; the log is just longer until the final checkpoint, which is bounded by
/// <see cref="Threshold"/> so a whole back-load still checkpoints as it goes.
/// </summary>
internal sealed class CheckpointDeferral : IDisposable
{
    private const string Threshold = "256MB";

    private readonly DuckDBConnection _connection;
    private readonly IngestTimings _timings;
    private readonly string _previous;

    private CheckpointDeferral(DuckDBConnection connection, IngestTimings timings, string previous)
    {
        _connection = connection;
        _timings = timings;
        _previous = previous;
    }

    public static CheckpointDeferral Begin(DuckDBConnection connection, IngestTimings timings)
    {
        var previous = connection.Scalar<string>("SELECT current_setting('checkpoint_threshold')") ?? "16MB";
        connection.Execute($"SET checkpoint_threshold = '{Threshold}'");
        return new CheckpointDeferral(connection, timings, previous);
    }

    public void Dispose()
    {
        var start = Stopwatch.GetTimestamp();
        _connection.Execute($"SET checkpoint_threshold = '{_previous.Replace("'", "''", StringComparison.Ordinal)}'");
        try
        {
            _connection.Execute("CHECKPOINT");
        }
        catch (System.Data.Common.DbException)
        {
            // Another connection is writing: DuckDB checkpoints on a later commit by itself.
        }
        _timings.AddCommitting(start);
    }
}
