using Analytics.Warehouse.DuckDb;

namespace Analytics.Etl.Ingest;

/// <summary>
/// Rows written straight into a DuckDB data chunk and appended a full chunk at a time: the writers
/// of submission and fact rows fill <see cref="Chunk"/> at row <see cref="Row"/>, then call
/// <see cref="EndRow"/>.
/// </summary>
internal sealed class ChunkRows : IDisposable
{
    private readonly DuckDbAppender _appender;

    public ChunkRows(DuckDbConnection connection, string table)
    {
        _appender = connection.CreateAppender(table);
        Chunk = _appender.CreateChunk();
    }

    public DuckDbDataChunk Chunk { get; }

    /// <summary>The row of the chunk being filled.</summary>
    public int Row { get; private set; }

    public void EndRow()
    {
        if (++Row == Chunk.Capacity) Flush();
    }

    private void Flush()
    {
        if (Row == 0) return;
        Chunk.Size = Row;
        _appender.AppendChunk(Chunk);
        Row = 0;
    }

    /// <summary>Appends what is buffered and closes the appender (errors surface here).</summary>
    public void Close()
    {
        Flush();
        _appender.Close();
    }

    public void Dispose()
    {
        Chunk.Dispose();
        _appender.Dispose();
    }
}
