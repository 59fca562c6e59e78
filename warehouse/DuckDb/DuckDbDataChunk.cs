using System.Text;
using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Warehouse.DuckDb;

/// <summary>
/// A writable columnar chunk of up to <see cref="Capacity"/> rows for the appender. Fixed-width
/// columns are written straight into DuckDB's vectors through <see cref="GetSpan{T}"/>;
/// strings, decimals and NULLs through <see cref="SetString(int, int, string)"/>,
/// <see cref="SetDecimal"/> and <see cref="SetNull"/>.
/// </summary>
public sealed unsafe class DuckDbDataChunk : IDisposable
{
    private readonly DuckDbType[] _types;
    private readonly DuckDbType[] _physical; // decimals: their storage type
    private readonly byte[] _scales;
    private readonly Int128[] _decimalLimits; // 10^width: the first unscaled value a DECIMAL column cannot hold
    private readonly IntPtr[] _vectors;
    private readonly IntPtr[] _data;
    private readonly ulong*[] _validity; // null until the column's first NULL since the last reset
    private byte[] _utf8 = new byte[256];

    internal DuckDbDataChunk(IReadOnlyList<DuckDbType> types, IReadOnlyList<(byte Width, byte Scale)> decimals)
    {
        _types = [.. types];
        _physical = [.. types];
        _scales = new byte[_types.Length];
        _decimalLimits = new Int128[_types.Length];
        var logical = new LogicalTypeHandle[_types.Length];
        try
        {
            for (var i = 0; i < _types.Length; i++)
            {
                if (_types[i] is DuckDbType.List or DuckDbType.Struct or DuckDbType.Map or DuckDbType.Enum or DuckDbType.Array or DuckDbType.Union)
                    throw new NotSupportedException($"Column {i} has type {_types[i]}; chunk appends support flat columns only.");
                if (_types[i] == DuckDbType.Decimal)
                {
                    logical[i] = NativeMethods.CreateDecimalType(decimals[i].Width, decimals[i].Scale);
                    _scales[i] = decimals[i].Scale;
                    _decimalLimits[i] = Int128.One;
                    for (var d = 0; d < decimals[i].Width; d++) _decimalLimits[i] *= 10;
                    _physical[i] = NativeMethods.DecimalInternalType(logical[i]);
                }
                else
                {
                    logical[i] = NativeMethods.CreateLogicalType(_types[i]);
                }
            }
            var pointers = Array.ConvertAll(logical, l => l.DangerousGetHandle());
            Handle = NativeMethods.CreateDataChunk(pointers, (ulong)pointers.Length);
        }
        finally
        {
            foreach (var l in logical) l?.Dispose();
        }
        Capacity = (int)NativeMethods.VectorSize();
        _vectors = new IntPtr[_types.Length];
        _data = new IntPtr[_types.Length];
        _validity = new ulong*[_types.Length];
        LoadVectors();
    }

    internal DataChunkHandle Handle { get; }

    /// <summary>Rows a chunk holds (DuckDB's vector size, 2,048).</summary>
    public int Capacity { get; }

    /// <summary>Rows filled so far; set it before appending.</summary>
    public int Size { get; set; }

    public int ColumnCount => _types.Length;

    /// <summary>
    /// The column's vector as a span of <see cref="Capacity"/> values of its physical type
    /// (bool or byte for BOOLEAN, int for INTEGER and DATE, long for BIGINT and TIMESTAMP,
    /// the unscaled integer for DECIMAL). Valid until the chunk is appended or reset.
    /// </summary>
    public Span<T> GetSpan<T>(int column) where T : unmanaged
    {
        if (_types[column] == DuckDbType.Varchar) throw new InvalidOperationException("Use SetString for VARCHAR columns.");
        // A wrong T would let the caller write past the end of DuckDB's buffer.
        if (sizeof(T) != DuckDbReader.PhysicalSize(_physical[column]))
            throw new InvalidOperationException($"Column {column} is {_types[column]}; {typeof(T).Name} does not match its storage.");
        return new Span<T>((void*)_data[column], Capacity);
    }

    public void SetString(int column, int row, string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < max) _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        var length = Encoding.UTF8.GetBytes(value, _utf8);
        SetString(column, row, _utf8.AsSpan(0, length));
    }

    public void SetString(int column, int row, ReadOnlySpan<byte> utf8)
    {
        CheckRow(row);
        if (_types[column] != DuckDbType.Varchar) throw new InvalidOperationException($"Column {column} is {_types[column]}, not VARCHAR.");
        fixed (byte* p = utf8)
            NativeMethods.VectorAssignStringElementLen(_vectors[column], (ulong)row, p, (ulong)utf8.Length);
    }

    /// <summary>Writes a DECIMAL value, rounded to the column's scale; refuses one wider than the column.</summary>
    public void SetDecimal(int column, int row, decimal value)
    {
        CheckRow(row);
        if (_types[column] != DuckDbType.Decimal) throw new InvalidOperationException($"Column {column} is {_types[column]}, not DECIMAL.");
        var unscaled = DuckDbValues.ToUnscaled(value, _scales[column]);
        // DuckDB trusts a chunk's contents; a value wider than the column would be stored as garbage.
        if (Int128.Abs(unscaled) >= _decimalLimits[column])
            throw new OverflowException($"{value} does not fit column {column}'s DECIMAL type.");
        var data = (byte*)_data[column];
        switch (_physical[column])
        {
            case DuckDbType.SmallInt: ((short*)data)[row] = checked((short)unscaled); break;
            case DuckDbType.Integer: ((int*)data)[row] = checked((int)unscaled); break;
            case DuckDbType.BigInt: ((long*)data)[row] = checked((long)unscaled); break;
            default: ((Int128*)data)[row] = unscaled; break;
        }
    }

    public void SetDate(int column, int row, DateOnly value) => GetSpan<int>(column)[row] = DuckDbValues.ToDays(value);

    public void SetTimestamp(int column, int row, DateTime value) => GetSpan<long>(column)[row] = DuckDbValues.ToMicros(value);

    public void SetNull(int column, int row)
    {
        CheckRow(row);
        var mask = _validity[column];
        if (mask == null)
        {
            NativeMethods.VectorEnsureValidityWritable(_vectors[column]);
            mask = _validity[column] = (ulong*)NativeMethods.VectorGetValidity(_vectors[column]);
        }
        mask[row >> 6] &= ~(1UL << (row & 63));
    }

    internal void Seal()
    {
        if (Size < 0 || Size > Capacity) throw new InvalidOperationException($"Chunk size {Size} is outside 0..{Capacity}.");
        NativeMethods.DataChunkSetSize(Handle, (ulong)Size);
    }

    /// <summary>Empties the chunk (size 0, all values valid) so it can be filled again.</summary>
    public void Reset()
    {
        NativeMethods.DataChunkReset(Handle);
        Size = 0;
        LoadVectors();
    }

    private void CheckRow(int row)
    {
        if ((uint)row >= (uint)Capacity) throw new ArgumentOutOfRangeException(nameof(row), row, $"A chunk holds rows 0..{Capacity - 1}.");
    }

    // A reset may hand the vectors new buffers and drops their validity masks, so the pointers
    // are fetched again after each one (once per chunk, not once per value).
    private void LoadVectors()
    {
        for (var i = 0; i < _vectors.Length; i++)
        {
            _vectors[i] = NativeMethods.DataChunkGetVector(Handle, (ulong)i);
            _data[i] = NativeMethods.VectorGetData(_vectors[i]);
            _validity[i] = null;
        }
    }

    public void Dispose() => Handle.Dispose();
}
