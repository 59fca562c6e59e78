using System.Text;
using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Warehouse.DuckDb;

/// <summary>
/// A writable columnar chunk of up to <see cref="Capacity"/> rows for the appender. Fixed-width
/// columns are written straight into DuckDB's vectors through <see cref="GetSpan{T}"/>;
/// strings and NULLs through <see cref="SetString(int, int, string)"/> and <see cref="SetNull"/>.
/// </summary>
public sealed unsafe class DuckDbDataChunk : IDisposable
{
    private readonly DuckDbType[] _types;
    private readonly IntPtr[] _vectors;
    private byte[] _utf8 = new byte[256];

    internal DuckDbDataChunk(IReadOnlyList<DuckDbType> types)
    {
        _types = [.. types];
        var logical = new LogicalTypeHandle[_types.Length];
        try
        {
            for (var i = 0; i < _types.Length; i++)
            {
                if (_types[i] is DuckDbType.Decimal or DuckDbType.List or DuckDbType.Struct or DuckDbType.Map or DuckDbType.Enum)
                    throw new NotSupportedException($"Column {i} has type {_types[i]}; chunk appends support flat, non-decimal columns.");
                logical[i] = NativeMethods.CreateLogicalType(_types[i]);
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
        LoadVectors();
    }

    internal DataChunkHandle Handle { get; }

    /// <summary>Rows a chunk holds (DuckDB's vector size, 2,048).</summary>
    public int Capacity { get; }

    /// <summary>Rows filled so far; set it before appending.</summary>
    public int Size { get; set; }

    public int ColumnCount => _types.Length;

    /// <summary>The column's vector as a span of <see cref="Capacity"/> values of its physical type.</summary>
    public Span<T> GetSpan<T>(int column) where T : unmanaged
    {
        if (_types[column] == DuckDbType.Varchar) throw new InvalidOperationException("Use SetString for VARCHAR columns.");
        return new Span<T>((void*)NativeMethods.VectorGetData(_vectors[column]), Capacity);
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
        fixed (byte* p = utf8)
            NativeMethods.VectorAssignStringElementLen(_vectors[column], (ulong)row, p, (ulong)utf8.Length);
    }

    public void SetDate(int column, int row, DateOnly value) => GetSpan<int>(column)[row] = DuckDbValues.ToDays(value);

    public void SetTimestamp(int column, int row, DateTime value) => GetSpan<long>(column)[row] = DuckDbValues.ToMicros(value);

    public void SetNull(int column, int row)
    {
        var vector = _vectors[column];
        NativeMethods.VectorEnsureValidityWritable(vector);
        var mask = (ulong*)NativeMethods.VectorGetValidity(vector);
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

    // Vectors are owned by the chunk and stay valid until it is destroyed; their buffers may be
    // re-allocated by a reset, which is why spans are fetched per use rather than cached.
    private void LoadVectors()
    {
        for (var i = 0; i < _vectors.Length; i++) _vectors[i] = NativeMethods.DataChunkGetVector(Handle, (ulong)i);
    }

    public void Dispose() => Handle.Dispose();
}
