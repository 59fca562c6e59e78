using System.Globalization;
using System.Text;
using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Warehouse.DuckDb;

/// <summary>
/// Bulk loads into one table: row by row (<see cref="Append(int)"/>… then <see cref="EndRow"/>)
/// or, fastest, whole columnar chunks (<see cref="CreateChunk"/>, fill, <see cref="AppendChunk"/>).
/// Rows become visible on <see cref="Flush"/> or <see cref="Close"/>; dispose without closing
/// discards nothing already flushed.
/// </summary>
public sealed unsafe class DuckDbAppender : IDisposable
{
    private readonly AppenderHandle _handle;
    private readonly string _table;

    internal DuckDbAppender(AppenderHandle handle, string table)
    {
        _handle = handle;
        _table = table;
        var count = (int)NativeMethods.AppenderColumnCount(handle);
        var types = new DuckDbType[count];
        _decimals = new (byte Width, byte Scale)[count];
        for (var i = 0; i < count; i++)
        {
            using var type = NativeMethods.AppenderColumnType(handle, (ulong)i);
            types[i] = NativeMethods.GetTypeId(type);
            if (types[i] == DuckDbType.Decimal) _decimals[i] = (NativeMethods.DecimalWidth(type), NativeMethods.DecimalScale(type));
        }
        ColumnTypes = types;
    }

    // Width and scale of DECIMAL columns (zero for others): a chunk must carry the exact type.
    private readonly (byte Width, byte Scale)[] _decimals;

    /// <summary>The target table's column types, in order.</summary>
    public IReadOnlyList<DuckDbType> ColumnTypes { get; }

    public DuckDbAppender AppendNull() => Check(NativeMethods.AppendNull(_handle));

    public DuckDbAppender Append(bool value) => Check(NativeMethods.AppendBool(_handle, value));

    public DuckDbAppender Append(int value) => Check(NativeMethods.AppendInt32(_handle, value));

    public DuckDbAppender Append(long value) => Check(NativeMethods.AppendInt64(_handle, value));

    public DuckDbAppender Append(double value) => Check(NativeMethods.AppendDouble(_handle, value));

    /// <summary>Decimals travel as text, which DuckDB casts exactly to the column's DECIMAL type.</summary>
    public DuckDbAppender Append(decimal value) => Append(value.ToString(CultureInfo.InvariantCulture));

    public DuckDbAppender Append(DateOnly value) => Check(NativeMethods.AppendDate(_handle, DuckDbValues.ToDays(value)));

    public DuckDbAppender Append(DateTime value) => Check(NativeMethods.AppendTimestamp(_handle, DuckDbValues.ToMicros(value)));

    public DuckDbAppender Append(string? value)
    {
        if (value is null) return AppendNull();
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Span<byte> buffer = max <= 512 ? stackalloc byte[max] : new byte[max];
        var length = Encoding.UTF8.GetBytes(value, buffer);
        fixed (byte* p = buffer)
            return Check(NativeMethods.AppendVarcharLength(_handle, p, (ulong)length));
    }

    public DuckDbAppender Append(int? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(long? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(double? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(DateOnly? value) => value is { } v ? Append(v) : AppendNull();

    public DuckDbAppender Append(DateTime? value) => value is { } v ? Append(v) : AppendNull();

    public void EndRow() => Check(NativeMethods.AppenderEndRow(_handle));

    /// <summary>A writable chunk shaped like the target table.</summary>
    public DuckDbDataChunk CreateChunk() => new(ColumnTypes, _decimals);

    /// <summary>Appends the chunk's <see cref="DuckDbDataChunk.Size"/> rows, then resets it for refilling.</summary>
    public void AppendChunk(DuckDbDataChunk chunk)
    {
        chunk.Seal();
        Check(NativeMethods.AppendDataChunk(_handle, chunk.Handle));
        chunk.Reset();
    }

    /// <summary>Writes buffered rows to the table; constraint violations surface here.</summary>
    public void Flush() => Check(NativeMethods.AppenderFlush(_handle));

    /// <summary>Flushes and closes; the appender cannot be used afterwards.</summary>
    public void Close() => Check(NativeMethods.AppenderClose(_handle));

    private DuckDbAppender Check(int state)
    {
        if (state != NativeMethods.Success)
            DuckDbException.Throw(NativeMethods.ReadUtf8(NativeMethods.AppenderError(_handle)), $"append to {_table}");
        return this;
    }

    public void Dispose() => _handle.Dispose();
}
