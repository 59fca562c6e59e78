using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Warehouse.DuckDb;

/// <summary>
/// One connection: execute SQL, prepare statements, stream results, append in bulk.
/// A connection is used by one thread at a time; open one per thread.
/// </summary>
public sealed partial class DuckDbConnection : IDisposable
{
    internal DuckDbConnection(ConnectionHandle handle) => Handle = handle;

    internal ConnectionHandle Handle { get; }

    /// <summary>
    /// Runs one or more SQL statements and returns the rows changed by the last one.
    /// Cancelling <paramref name="cancellationToken"/> interrupts the running query.
    /// </summary>
    public long Execute(string sql, CancellationToken cancellationToken = default)
    {
        // An interrupt sent before the query starts would be forgotten when it starts.
        cancellationToken.ThrowIfCancellationRequested();
        using var result = new ResultHandle();
        using (InterruptOn(cancellationToken))
        {
            if (NativeMethods.Query(Handle, sql, result) != NativeMethods.Success)
                ThrowFor(NativeMethods.ReadUtf8(NativeMethods.ResultError(result)), cancellationToken);
        }
        return (long)NativeMethods.RowsChanged(result);
    }

    /// <summary>Runs one statement with positional parameters ($1, $2, … or ?).</summary>
    public long Execute(string sql, params object?[] parameters)
    {
        using var statement = Prepare(sql);
        statement.BindAll(parameters);
        return statement.Execute();
    }

    /// <summary>Runs a query and streams its result chunk by chunk (bounded memory).</summary>
    public DuckDbReader Query(string sql, CancellationToken cancellationToken = default)
    {
        var statement = Prepare(sql);
        return statement.QueryOwningStatement(cancellationToken);
    }

    /// <summary>Runs a query with positional parameters and streams its result.</summary>
    public DuckDbReader Query(string sql, params object?[] parameters)
    {
        var statement = Prepare(sql);
        try
        {
            statement.BindAll(parameters);
        }
        catch
        {
            statement.Dispose();
            throw;
        }
        return statement.QueryOwningStatement(default);
    }

    /// <summary>First column of the first row, converted to <typeparamref name="T"/>; default when no row or NULL.</summary>
    public T? Scalar<T>(string sql, params object?[] parameters)
    {
        using var reader = Query(sql, parameters);
        if (!reader.Read() || reader.IsNull(0)) return default;
        return reader.Get<T>(0);
    }

    public DuckDbPreparedStatement Prepare(string sql)
    {
        if (NativeMethods.Prepare(Handle, sql, out var statement) != NativeMethods.Success)
        {
            var message = NativeMethods.ReadUtf8(NativeMethods.PrepareError(statement));
            statement.Dispose();
            DuckDbException.Throw(message, "prepare");
        }
        return new DuckDbPreparedStatement(this, statement);
    }

    /// <summary>An appender for bulk loads into <paramref name="table"/>.</summary>
    public DuckDbAppender CreateAppender(string table, string? schema = null)
    {
        if (NativeMethods.AppenderCreate(Handle, schema, table, out var appender) != NativeMethods.Success)
        {
            var message = NativeMethods.ReadUtf8(NativeMethods.AppenderError(appender));
            appender.Dispose();
            DuckDbException.Throw(message, $"appender for {table}");
        }
        return new DuckDbAppender(appender, table);
    }

    /// <summary>Begins a transaction; disposing it without <see cref="DuckDbTransaction.Commit"/> rolls back.</summary>
    public DuckDbTransaction BeginTransaction()
    {
        Execute("BEGIN TRANSACTION");
        return new DuckDbTransaction(this);
    }

    /// <summary>Asks DuckDB to stop the query running on this connection (safe from any thread).</summary>
    public void Interrupt() => NativeMethods.Interrupt(Handle);

    internal CancellationTokenRegistration InterruptOn(CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((DuckDbConnection)state!).Interrupt(), this)
            : default;

    /// <summary>A failure caused by our own interrupt surfaces as cancellation, not as a database error.</summary>
    internal static void ThrowFor(string? message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        DuckDbException.Throw(message, "query");
    }

    public void Dispose() => Handle.Dispose();
}
