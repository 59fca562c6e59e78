using System.Text;
using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Warehouse.DuckDb;

/// <summary>A prepared statement with typed, 1-based positional parameters.</summary>
public sealed class DuckDbPreparedStatement : IDisposable
{
    private readonly DuckDbConnection _connection;
    private readonly PreparedStatementHandle _handle;

    internal DuckDbPreparedStatement(DuckDbConnection connection, PreparedStatementHandle handle)
    {
        _connection = connection;
        _handle = handle;
    }

    public int ParameterCount => (int)NativeMethods.ParameterCount(_handle);

    public void ClearBindings() => Check(NativeMethods.ClearBindings(_handle), 0);

    public void BindNull(int index) => Check(NativeMethods.BindNull(_handle, (ulong)index), index);

    public void Bind(int index, bool value) => Check(NativeMethods.BindBoolean(_handle, (ulong)index, value), index);

    public void Bind(int index, int value) => Check(NativeMethods.BindInt32(_handle, (ulong)index, value), index);

    public void Bind(int index, long value) => Check(NativeMethods.BindInt64(_handle, (ulong)index, value), index);

    public void Bind(int index, double value) => Check(NativeMethods.BindDouble(_handle, (ulong)index, value), index);

    public void Bind(int index, decimal value)
    {
        // duckdb_decimal holds the unscaled value as a 128-bit integer; widest DuckDB decimal is 38 digits.
        var scale = value.Scale;
        var unscaled = (Int128)(value * Pow10(scale));
        var digits = Math.Max(Int128.Abs(unscaled).ToString(System.Globalization.CultureInfo.InvariantCulture).Length, scale + 1);
        var raw = new DuckDbDecimal
        {
            Width = (byte)Math.Min(38, Math.Max(digits, 18)),
            Scale = (byte)scale,
            Lower = (ulong)(unscaled & ulong.MaxValue),
            Upper = (long)(unscaled >> 64),
        };
        Check(NativeMethods.BindDecimal(_handle, (ulong)index, raw), index);
    }

    public unsafe void Bind(int index, string? value)
    {
        if (value is null)
        {
            BindNull(index);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(value);
        fixed (byte* p = bytes)
            Check(NativeMethods.BindVarcharLength(_handle, (ulong)index, p, (ulong)bytes.Length), index);
    }

    public void Bind(int index, DateOnly value) =>
        Check(NativeMethods.BindDate(_handle, (ulong)index, DuckDbValues.ToDays(value)), index);

    /// <summary>Binds a TIMESTAMP (microseconds, no time zone); the DateTime's Kind is ignored.</summary>
    public void Bind(int index, DateTime value) =>
        Check(NativeMethods.BindTimestamp(_handle, (ulong)index, DuckDbValues.ToMicros(value)), index);

    /// <summary>Binds a value by its runtime type (null, bool, int, long, double, decimal, string, DateOnly, DateTime).</summary>
    public void Bind(int index, object? value)
    {
        switch (value)
        {
            case null: BindNull(index); break;
            case bool b: Bind(index, b); break;
            case int i: Bind(index, i); break;
            case short s: Bind(index, (int)s); break;
            case byte by: Bind(index, (int)by); break;
            case long l: Bind(index, l); break;
            case double d: Bind(index, d); break;
            case float f: Bind(index, (double)f); break;
            case decimal m: Bind(index, m); break;
            case string str: Bind(index, str); break;
            case DateOnly date: Bind(index, date); break;
            case DateTime ts: Bind(index, ts); break;
            case DateTimeOffset dto: Bind(index, dto.UtcDateTime); break;
            case Enum e: Bind(index, e.ToString()); break;
            default: throw new ArgumentException($"Cannot bind a value of type {value.GetType().Name} to parameter {index}.", nameof(value));
        }
    }

    /// <summary>Clears previous bindings and binds <paramref name="values"/> to $1..$n.</summary>
    public void BindAll(params object?[] values)
    {
        ClearBindings();
        for (var i = 0; i < values.Length; i++) Bind(i + 1, values[i]);
    }

    /// <summary>Executes and returns the number of rows changed.</summary>
    public long Execute(CancellationToken cancellationToken = default)
    {
        // An interrupt sent before the query starts would be forgotten when it starts.
        cancellationToken.ThrowIfCancellationRequested();
        using var result = new ResultHandle();
        using (_connection.InterruptOn(cancellationToken))
        {
            if (NativeMethods.ExecutePrepared(_handle, result) != NativeMethods.Success)
                DuckDbConnection.ThrowFor(NativeMethods.ReadUtf8(NativeMethods.ResultError(result)), cancellationToken);
        }
        return (long)NativeMethods.RowsChanged(result);
    }

    /// <summary>
    /// Executes and streams the result. Only one streamed result may be open per connection:
    /// finish or dispose it before running anything else on the same connection. The statement
    /// must outlive the reader (DuckDB streams from it).
    /// </summary>
    public DuckDbReader Query(CancellationToken cancellationToken = default) => Query(owner: null, cancellationToken);

    /// <summary>Streams the result and hands this statement's lifetime to the reader.</summary>
    internal DuckDbReader QueryOwningStatement(CancellationToken cancellationToken)
    {
        try
        {
            return Query(owner: this, cancellationToken);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private DuckDbReader Query(IDisposable? owner, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = new ResultHandle();
        var registration = _connection.InterruptOn(cancellationToken);
        if (NativeMethods.ExecutePreparedStreaming(_handle, result) != NativeMethods.Success)
        {
            var message = NativeMethods.ReadUtf8(NativeMethods.ResultError(result));
            registration.Dispose();
            result.Dispose();
            DuckDbConnection.ThrowFor(message, cancellationToken);
        }
        return new DuckDbReader(result, registration, owner, cancellationToken);
    }

    private void Check(int state, int index)
    {
        if (state != NativeMethods.Success)
            throw new DuckDbException(index == 0
                ? "Could not clear the statement's parameters."
                : $"Could not bind parameter {index}: the statement has {ParameterCount} parameter(s) or the value does not fit its type.");
    }

    private static decimal Pow10(int n)
    {
        decimal r = 1;
        for (var i = 0; i < n; i++) r *= 10;
        return r;
    }

    public void Dispose() => _handle.Dispose();
}
