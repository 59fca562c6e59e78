using Apache.Arrow;
using Apache.Arrow.Ipc;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Store;

/// <summary>
/// Writes a query's result as an Arrow IPC file (the "Feather v2" file format) from DuckDB.NET's
/// Arrow stream: DuckDB converts each chunk of the result to an Arrow record batch, and each batch is
/// written as it arrives, so memory stays bounded by a batch whatever the result size.
/// </summary>
public static class ArrowExport
{
    /// <summary>What was written: rows and record batches.</summary>
    public sealed record Written(long Rows, int Batches);

    /// <summary>
    /// Writes the result of <paramref name="sql"/> to <paramref name="path"/>: into a file beside it
    /// first, then renamed into place, so a reader of <paramref name="path"/> sees the old file or the
    /// whole new one, never half of one. A failure leaves no partial file behind.
    /// </summary>
    public static Written WriteFile(DuckDBConnection connection, string sql, string path, long maxRows = 0, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Written written;
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                written = Write(connection, sql, stream, maxRows, cancellationToken);
            File.Move(temp, full, overwrite: true);
            return written;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// Writes the result of <paramref name="sql"/> to <paramref name="stream"/> (left open);
    /// <paramref name="maxRows"/> 0 means no limit. Cancelling interrupts the query.
    /// </summary>
    public static Written Write(DuckDBConnection connection, string sql, Stream stream, long maxRows = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        cancellationToken.ThrowIfCancellationRequested();
        using var interrupt = connection.InterruptOn(cancellationToken);
        using var command = new DuckDBCommand(sql, connection) { UseStreamingMode = true };
        try
        {
            // DuckDB converts every type it has to Arrow (lists, structs, maps, unions, intervals...).
            using var batches = command.ExecuteArrowStream();
            using var writer = new ArrowFileWriter(stream, batches.Schema, leaveOpen: true);
            writer.WriteStart();
            long rows = 0;
            var count = 0;
            while (maxRows == 0 || rows < maxRows)
            {
                using var batch = batches.ReadNextRecordBatchAsync(cancellationToken).AsTask().GetAwaiter().GetResult();
                if (batch is null) break;
                if (batch.Length == 0) continue;
                var take = maxRows > 0 && rows + batch.Length > maxRows ? (int)(maxRows - rows) : batch.Length;
                if (take == batch.Length) writer.WriteRecordBatch(batch);
                else
                {
                    using var part = batch.Slice(0, take);
                    writer.WriteRecordBatch(part);
                }
                rows += take;
                count++;
            }
            writer.WriteEnd();
            return new Written(rows, count);
        }
        catch (Exception e) when (e is OperationCanceledException or DuckDBException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }
}
