using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Analytics.Warehouse.DuckDb.Native;

namespace Analytics.Warehouse.DuckDb;

/// <summary>
/// A streamed query result, read one data chunk (up to 2,048 rows) at a time, so memory stays
/// bounded whatever the result size. Use <see cref="Read"/> for a row cursor, or
/// <see cref="NextChunk"/> with <see cref="GetValues{T}"/> for columnar access.
/// </summary>
public sealed unsafe class DuckDbReader : IDisposable
{
    private readonly ResultHandle _result;
    private readonly CancellationTokenRegistration _interrupt;
    private readonly CancellationToken _cancellationToken;
    private readonly DuckDbType[] _types;
    private readonly DuckDbType[] _physical; // decimals: their storage type
    private readonly int[] _scales;
    private readonly int[] _widths; // decimals: their precision, for exports that keep it (Store/ArrowExport.cs)
    private readonly string[] _names;
    private readonly IntPtr[] _data;
    private readonly ulong*[] _validity;
    private DataChunkHandle? _chunk;
    private int _chunkRows;
    private int _row = -1;
    private readonly IDisposable? _owner;
    private bool _finished;

    internal DuckDbReader(ResultHandle result, CancellationTokenRegistration interrupt, IDisposable? owner, CancellationToken cancellationToken)
    {
        _owner = owner;
        _result = result;
        _interrupt = interrupt;
        _cancellationToken = cancellationToken;
        var count = (int)NativeMethods.ColumnCount(result);
        _types = new DuckDbType[count];
        _physical = new DuckDbType[count];
        _scales = new int[count];
        _widths = new int[count];
        _names = new string[count];
        _data = new IntPtr[count];
        _validity = new ulong*[count];
        for (var i = 0; i < count; i++)
        {
            _names[i] = NativeMethods.ReadUtf8(NativeMethods.ColumnName(result, (ulong)i)) ?? $"column{i}";
            _types[i] = NativeMethods.ColumnType(result, (ulong)i);
            _physical[i] = _types[i];
            if (_types[i] == DuckDbType.Decimal)
            {
                using var logical = NativeMethods.ColumnLogicalType(result, (ulong)i);
                _scales[i] = NativeMethods.DecimalScale(logical);
                _widths[i] = NativeMethods.DecimalWidth(logical);
                _physical[i] = NativeMethods.DecimalInternalType(logical);
            }
        }
    }

    public int ColumnCount => _names.Length;

    public string GetName(int column) => _names[column];

    public DuckDbType GetColumnType(int column) => _types[column];

    public int GetOrdinal(string name)
    {
        var i = Array.IndexOf(_names, name);
        return i >= 0 ? i : throw new ArgumentException($"No column named '{name}' in the result.", nameof(name));
    }

    /// <summary>Rows in the current chunk.</summary>
    public int ChunkRowCount => _chunkRows;

    /// <summary>Moves to the next chunk; false when the result is exhausted.</summary>
    public bool NextChunk()
    {
        _chunk?.Dispose();
        _chunk = null;
        _chunkRows = 0;
        _row = -1;
        if (_finished) return false;

        var chunk = NativeMethods.FetchChunk(_result.Value);
        if (chunk.IsInvalid)
        {
            chunk.Dispose();
            _finished = true;
            var error = NativeMethods.ReadUtf8(NativeMethods.ResultError(_result));
            if (error is not null) DuckDbConnection.ThrowFor(error, _cancellationToken);
            _cancellationToken.ThrowIfCancellationRequested();
            return false;
        }
        _chunk = chunk;
        _chunkRows = (int)NativeMethods.DataChunkGetSize(chunk);
        for (var i = 0; i < _data.Length; i++)
        {
            var vector = NativeMethods.DataChunkGetVector(chunk, (ulong)i);
            _data[i] = NativeMethods.VectorGetData(vector);
            _validity[i] = (ulong*)NativeMethods.VectorGetValidity(vector);
        }
        if (_chunkRows == 0) return NextChunk();
        return true;
    }

    /// <summary>Advances the row cursor, fetching chunks as needed.</summary>
    public bool Read()
    {
        if (_chunk is not null && _row + 1 < _chunkRows)
        {
            _row++;
            return true;
        }
        if (!NextChunk()) return false;
        _row = 0;
        return true;
    }

    /// <summary>The current chunk's raw values for a fixed-width column (check validity separately).</summary>
    public ReadOnlySpan<T> GetValues<T>(int column) where T : unmanaged
    {
        if (_chunk is null) throw new InvalidOperationException("No current chunk: call NextChunk first.");
        if (sizeof(T) != PhysicalSize(_physical[column]))
            throw new InvalidOperationException($"Column '{_names[column]}' is {_types[column]}; {typeof(T).Name} does not match its storage.");
        return new ReadOnlySpan<T>((void*)_data[column], _chunkRows);
    }

    /// <summary>Whether row <paramref name="row"/> of the current chunk holds a value (not NULL).</summary>
    public bool IsValid(int column, int row)
    {
        var mask = _validity[column];
        return mask == null || (mask[row >> 6] & (1UL << (row & 63))) != 0;
    }

    public bool IsNull(int column) => !IsValid(column, CurrentRow);

    public bool GetBoolean(int column) => Ref<byte>(column) != 0;

    public int GetInt32(int column) => checked((int)GetInt64(column));

    public long GetInt64(int column) => _physical[column] switch
    {
        DuckDbType.TinyInt => Ref<sbyte>(column),
        DuckDbType.SmallInt => Ref<short>(column),
        DuckDbType.Integer => Ref<int>(column),
        DuckDbType.BigInt => Ref<long>(column),
        DuckDbType.UTinyInt => Ref<byte>(column),
        DuckDbType.USmallInt => Ref<ushort>(column),
        DuckDbType.UInteger => Ref<uint>(column),
        DuckDbType.UBigInt => checked((long)Ref<ulong>(column)),
        DuckDbType.HugeInt when _types[column] != DuckDbType.Decimal => checked((long)Ref<Int128>(column)),
        DuckDbType.Boolean => Ref<byte>(column),
        _ when _types[column] == DuckDbType.Decimal => checked((long)GetDecimal(column)),
        _ => throw Mismatch(column, "an integer"),
    };

    public double GetDouble(int column) => _types[column] switch
    {
        DuckDbType.Double => Ref<double>(column),
        DuckDbType.Float => Ref<float>(column),
        DuckDbType.Decimal => (double)GetDecimal(column),
        _ => GetInt64(column),
    };

    public decimal GetDecimal(int column)
    {
        if (_types[column] != DuckDbType.Decimal)
            return _types[column] is DuckDbType.Double or DuckDbType.Float ? (decimal)GetDouble(column) : GetInt64(column);
        Int128 unscaled = _physical[column] switch
        {
            DuckDbType.SmallInt => Ref<short>(column),
            DuckDbType.Integer => Ref<int>(column),
            DuckDbType.BigInt => Ref<long>(column),
            DuckDbType.HugeInt => Ref<Int128>(column),
            _ => throw Mismatch(column, "a decimal"),
        };
        return DuckDbValues.FromUnscaled(unscaled, _scales[column]);
    }

    public string GetString(int column)
    {
        if (_types[column] != DuckDbType.Varchar) return Convert.ToString(GetValue(column), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        // duckdb_string_t: 4-byte length, then either up to 12 inlined bytes or a 4-byte prefix and a pointer.
        var s = (byte*)_data[column] + (long)CurrentRow * 16;
        var length = *(uint*)s;
        var bytes = length <= 12 ? s + 4 : *(byte**)(s + 8);
        return Encoding.UTF8.GetString(bytes, (int)length);
    }

    public DateOnly GetDate(int column) => _types[column] == DuckDbType.Date
        ? DuckDbValues.FromDays(Ref<int>(column))
        : DateOnly.FromDateTime(GetTimestamp(column));

    public DateTime GetTimestamp(int column) => _types[column] switch
    {
        DuckDbType.Timestamp or DuckDbType.TimestampTz => DuckDbValues.FromMicros(Ref<long>(column)),
        DuckDbType.TimestampMs => DuckDbValues.FromMicros(Ref<long>(column) * 1000),
        DuckDbType.TimestampS => DuckDbValues.FromMicros(Ref<long>(column) * 1_000_000),
        DuckDbType.TimestampNs => DuckDbValues.FromMicros(Ref<long>(column) / 1000),
        DuckDbType.Date => GetDate(column).ToDateTime(TimeOnly.MinValue),
        _ => throw Mismatch(column, "a timestamp"),
    };

    /// <summary>The current value boxed by its natural .NET type; null for NULL.</summary>
    public object? GetValue(int column)
    {
        if (IsNull(column)) return null;
        return _types[column] switch
        {
            DuckDbType.Boolean => GetBoolean(column),
            DuckDbType.TinyInt or DuckDbType.SmallInt or DuckDbType.Integer or DuckDbType.UTinyInt or DuckDbType.USmallInt => GetInt32(column),
            DuckDbType.BigInt or DuckDbType.UInteger or DuckDbType.UBigInt or DuckDbType.HugeInt => GetInt64(column),
            DuckDbType.Float or DuckDbType.Double => GetDouble(column),
            DuckDbType.Decimal => GetDecimal(column),
            DuckDbType.Varchar => GetString(column),
            DuckDbType.Date => GetDate(column),
            DuckDbType.Timestamp or DuckDbType.TimestampTz or DuckDbType.TimestampMs or DuckDbType.TimestampS or DuckDbType.TimestampNs => GetTimestamp(column),
            _ => throw new NotSupportedException($"Column '{_names[column]}' has type {_types[column]}, which the warehouse binding does not read; cast it in SQL (e.g. ::VARCHAR)."),
        };
    }

    /// <summary>Typed access by the requested type; NULL gives default.</summary>
    public T? Get<T>(int column)
    {
        if (IsNull(column)) return default;
        object value = typeof(T) switch
        {
            var t when t == typeof(int) || t == typeof(int?) => GetInt32(column),
            var t when t == typeof(long) || t == typeof(long?) => GetInt64(column),
            var t when t == typeof(double) || t == typeof(double?) => GetDouble(column),
            var t when t == typeof(decimal) || t == typeof(decimal?) => GetDecimal(column),
            var t when t == typeof(bool) || t == typeof(bool?) => GetBoolean(column),
            var t when t == typeof(string) => GetString(column),
            var t when t == typeof(DateOnly) || t == typeof(DateOnly?) => GetDate(column),
            var t when t == typeof(DateTime) || t == typeof(DateTime?) => GetTimestamp(column),
            _ => GetValue(column)!,
        };
        return (T)value;
    }

    /// <summary>A DECIMAL column's precision and scale, and the integer type that stores its unscaled values.</summary>
    internal (int Width, int Scale, DuckDbType Storage) GetDecimalShape(int column) =>
        _types[column] == DuckDbType.Decimal
            ? (_widths[column], _scales[column], _physical[column])
            : throw Mismatch(column, "a decimal");

    /// <summary>The current chunk's raw vector of a column (any type, VARCHAR as 16-byte duckdb_string_t), valid until the next chunk.</summary>
    internal IntPtr GetChunkData(int column) =>
        _chunk is not null ? _data[column] : throw new InvalidOperationException("No current chunk: call NextChunk first.");

    /// <summary>The current chunk's validity mask of a column (bit i set = row i holds a value), or null when every row holds one.</summary>
    internal ulong* GetChunkValidity(int column) =>
        _chunk is not null ? _validity[column] : throw new InvalidOperationException("No current chunk: call NextChunk first.");

    private int CurrentRow => _row >= 0 ? _row : throw new InvalidOperationException("No current row: call Read first.");

    private ref T Ref<T>(int column) where T : unmanaged => ref Unsafe.AsRef<T>((byte*)_data[column] + (long)CurrentRow * sizeof(T));

    private InvalidCastException Mismatch(int column, string wanted) =>
        new($"Column '{_names[column]}' has type {_types[column]}, not {wanted}.");

    internal static int PhysicalSize(DuckDbType type) => type switch
    {
        DuckDbType.Boolean or DuckDbType.TinyInt or DuckDbType.UTinyInt => 1,
        DuckDbType.SmallInt or DuckDbType.USmallInt => 2,
        DuckDbType.Integer or DuckDbType.UInteger or DuckDbType.Float or DuckDbType.Date => 4,
        DuckDbType.BigInt or DuckDbType.UBigInt or DuckDbType.Double or DuckDbType.Timestamp or DuckDbType.TimestampTz
            or DuckDbType.TimestampS or DuckDbType.TimestampMs or DuckDbType.TimestampNs or DuckDbType.Time => 8,
        DuckDbType.HugeInt or DuckDbType.UHugeInt or DuckDbType.Varchar or DuckDbType.Interval or DuckDbType.Uuid => 16,
        _ => -1,
    };

    public void Dispose()
    {
        _chunk?.Dispose();
        _interrupt.Dispose();
        _result.Dispose();
        _owner?.Dispose();
    }
}
