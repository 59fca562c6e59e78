namespace Analytics.Warehouse.DuckDb;

/// <summary>A transaction on one connection; rolled back on dispose unless committed.</summary>
public sealed class DuckDbTransaction : IDisposable
{
    private readonly DuckDbConnection _connection;
    private bool _done;

    internal DuckDbTransaction(DuckDbConnection connection) => _connection = connection;

    public void Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _done = true;
        _connection.Execute("COMMIT");
    }

    public void Rollback()
    {
        if (_done) return;
        _done = true;
        _connection.Execute("ROLLBACK");
    }

    public void Dispose()
    {
        if (_done) return;
        try
        {
            Rollback();
        }
        catch (DuckDbException)
        {
            // The transaction was already aborted by a failed statement; nothing left to undo.
        }
    }
}
