using System.Data.Common;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Store;

/// <summary>
/// The few statement helpers every caller of the warehouse uses over DuckDB.NET's connection:
/// positional parameters ($1, $2, …), streamed results, scalars, and cancellation that reaches
/// DuckDB's interrupt. Rows that become records are mapped with Dapper instead.
/// </summary>
public static class Sql
{
    /// <summary>
    /// Runs one or more SQL statements and returns the rows changed. Cancelling
    /// <paramref name="cancellationToken"/> interrupts the running statement and throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public static long Execute(this DuckDBConnection connection, string sql, CancellationToken cancellationToken = default)
    {
        using var command = new DuckDBCommand(sql, connection);
        return Run(command, static c => (long)c.ExecuteNonQuery(), cancellationToken);
    }

    /// <summary>
    /// Runs a long statement and reports DuckDB's own estimate of how far it has got (0 to 100), read
    /// from the connection about every <paramref name="interval"/> (default 250 ms) while it runs. DuckDB
    /// gives an estimate only with its progress bar enabled, so the connection enables it, without
    /// DuckDB printing it. Cancelling interrupts the statement.
    /// </summary>
    public static long Execute(this DuckDBConnection connection, string sql, IProgress<double> progress, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        connection.Execute("SET enable_progress_bar = true; SET enable_progress_bar_print = false", cancellationToken);
        var every = interval ?? TimeSpan.FromMilliseconds(250);
        var gate = new Lock();
        var done = false;
        var last = -1.0;
        void Poll(object? _)
        {
            lock (gate)
            {
                if (done) return;
                // A negative percentage means DuckDB has no estimate (yet) for the running statement.
                var percent = connection.GetQueryProgress().Percentage;
                if (percent < 0 || percent <= last) return;
                last = percent;
                progress.Report(Math.Min(percent, 100));
            }
        }
        using var timer = new Timer(Poll, null, every, every);
        try
        {
            return connection.Execute(sql, cancellationToken);
        }
        finally
        {
            // No report after the statement has returned.
            lock (gate) done = true;
        }
    }

    /// <summary>Runs one statement with positional parameters ($1, $2, … or ?).</summary>
    public static long Execute(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>
    /// Runs a query and streams its result chunk by chunk, so memory stays bounded whatever its size.
    /// One streamed result may be open per connection: dispose it before the next statement.
    /// </summary>
    public static DuckDBDataReader Query(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.UseStreamingMode = true;
        return command.ExecuteReader();
    }

    /// <summary>First column of the first row as <typeparamref name="T"/>; default when there is no row or it is NULL.</summary>
    public static T? Scalar<T>(this DuckDBConnection connection, string sql, params object?[] parameters)
    {
        using var reader = connection.Query(sql, parameters);
        return reader.Read() ? reader.Get<T>(0) : default;
    }

    /// <summary>The column's value as <typeparamref name="T"/>, or default for NULL.</summary>
    public static T? Get<T>(this DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? default : reader.GetFieldValue<T>(column);

    /// <summary>A DATE column's value.</summary>
    public static DateOnly GetDate(this DbDataReader reader, int column) => reader.GetFieldValue<DateOnly>(column);

    /// <summary>Asks DuckDB to stop the statement running on this connection (safe from any thread).</summary>
    public static void Interrupt(this DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.Cancel();
    }

    /// <summary>
    /// Interrupts the connection's running statement when <paramref name="cancellationToken"/> is
    /// cancelled, until the registration is disposed; for reads that outlive one call.
    /// </summary>
    public static CancellationTokenRegistration InterruptOn(this DuckDBConnection connection, CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((DuckDBConnection)state!).Interrupt(), connection)
            : default;

    private static DuckDBCommand Command(DuckDBConnection connection, string sql, object?[] parameters)
    {
        var command = new DuckDBCommand(sql, connection);
        foreach (var value in parameters)
        {
            // A token passed here would silently become a parameter and cancel nothing.
            if (value is CancellationToken)
                throw new ArgumentException("A CancellationToken is not a SQL parameter: cancel a statement with Execute(sql, token), or a read with InterruptOn(token).", nameof(parameters));
            command.Parameters.Add(new DuckDBParameter { Value = Bindable(value) ?? DBNull.Value });
        }
        return command;
    }

    // DuckDB.NET binds .NET types by their natural DuckDB type; enums travel as their names and
    // offsets as UTC timestamps, which is how the warehouse stores them.
    private static object? Bindable(object? value) => value switch
    {
        Enum e => e.ToString(),
        DateTimeOffset o => o.UtcDateTime,
        _ => value,
    };

    private static TResult Run<TResult>(DuckDBCommand command, Func<DuckDBCommand, TResult> run, CancellationToken cancellationToken)
    {
        // An interrupt sent before the statement starts would be forgotten when it starts.
        cancellationToken.ThrowIfCancellationRequested();
        using (((DuckDBConnection)command.Connection!).InterruptOn(cancellationToken))
        {
            try
            {
                return run(command);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
            catch (DuckDBException) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }
}
