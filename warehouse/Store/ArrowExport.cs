using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Analytics.Warehouse.DuckDb;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using ArrowSchema = Apache.Arrow.Schema;

namespace Analytics.Warehouse.Store;

/// <summary>A result column whose DuckDB type has no Arrow mapping here; the message tells the user to cast it in SQL.</summary>
public sealed class ArrowExportException(string column, DuckDbType type)
    : Exception($"Column '{column}' has type {type}, which the Arrow export does not write; cast it in SQL (e.g. \"{column}\"::VARCHAR or ::DOUBLE).")
{
    public string Column { get; } = column;

    public DuckDbType Type { get; } = type;

    /// <summary>The refusal in the user's language, for the CLI and the web page alike.</summary>
    public string Explain(bool english) => english
        ? $"column '{Column}' has type {Type}, which the Arrow file cannot hold; cast it in SQL, e.g. \"{Column}\"::VARCHAR or ::DOUBLE."
        : $"cột '{Column}' có kiểu {Type}, tệp Arrow không ghi được kiểu này; hãy đổi kiểu trong SQL, ví dụ \"{Column}\"::VARCHAR hoặc ::DOUBLE.";
}

/// <summary>
/// Writes a streamed query result as an Arrow IPC file (the "Feather v2" file format), one record
/// batch per DuckDB data chunk, so memory stays bounded by one chunk (up to 2,048 rows) whatever the
/// result size. Values are copied from DuckDB's vectors, whose layouts (little-endian fixed-width
/// values, LSB-first validity bits, days since 1970 for DATE, microseconds since 1970 for TIMESTAMP)
/// are Arrow's own; NULLs become Arrow validity bits.
/// </summary>
public static class ArrowExport
{
    /// <summary>What was written: rows and record batches.</summary>
    public sealed record Written(long Rows, int Batches);

    /// <summary>
    /// The Arrow schema of the reader's columns. Throws <see cref="ArrowExportException"/> for the
    /// first column with a type that has no mapping, before anything is written.
    /// </summary>
    public static ArrowSchema SchemaOf(DuckDbReader reader)
    {
        var builder = new ArrowSchema.Builder();
        for (var i = 0; i < reader.ColumnCount; i++)
        {
            var name = reader.GetName(i);
            builder.Field(new Field(name, ArrowType(reader, i), nullable: true));
        }
        return builder.Build();
    }

    /// <summary>
    /// Writes the rest of the result to <paramref name="path"/>: into a file beside it first, then
    /// renamed into place, so a reader of <paramref name="path"/> sees the old file or the whole new
    /// one, never half of one. A failure leaves no partial file behind.
    /// </summary>
    public static Written WriteFile(DuckDbReader reader, string path, long maxRows = 0)
    {
        var schema = SchemaOf(reader);
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Written written;
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                written = Write(reader, schema, stream, maxRows);
            File.Move(temp, full, overwrite: true);
            return written;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Writes the rest of the result to <paramref name="stream"/> (left open); <paramref name="maxRows"/> 0 means no limit.</summary>
    public static Written Write(DuckDbReader reader, Stream stream, long maxRows = 0) =>
        Write(reader, SchemaOf(reader), stream, maxRows);

    private static Written Write(DuckDbReader reader, ArrowSchema schema, Stream stream, long maxRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRows);
        long rows = 0;
        var batches = 0;
        using var writer = new ArrowFileWriter(stream, schema, leaveOpen: true);
        writer.WriteStart();
        while ((maxRows == 0 || rows < maxRows) && reader.NextChunk())
        {
            var length = reader.ChunkRowCount;
            if (maxRows > 0 && rows + length > maxRows) length = (int)(maxRows - rows);
            var arrays = new IArrowArray[reader.ColumnCount];
            for (var c = 0; c < arrays.Length; c++) arrays[c] = Column(reader, c, schema.FieldsList[c].DataType, length);
            using var batch = new RecordBatch(schema, arrays, length);
            writer.WriteRecordBatch(batch);
            rows += length;
            batches++;
        }
        writer.WriteEnd();
        return new Written(rows, batches);
    }

    private static IArrowType ArrowType(DuckDbReader reader, int column) => reader.GetColumnType(column) switch
    {
        DuckDbType.Boolean => BooleanType.Default,
        DuckDbType.TinyInt => Int8Type.Default,
        DuckDbType.SmallInt => Int16Type.Default,
        DuckDbType.Integer => Int32Type.Default,
        DuckDbType.BigInt => Int64Type.Default,
        DuckDbType.UTinyInt => UInt8Type.Default,
        DuckDbType.USmallInt => UInt16Type.Default,
        DuckDbType.UInteger => UInt32Type.Default,
        DuckDbType.UBigInt => UInt64Type.Default,
        // Arrow has no 128-bit integer; Decimal128(38, 0) holds every HUGEINT exactly (DuckDB's own Arrow export does the same). SUM of BIGINT is HUGEINT.
        DuckDbType.HugeInt => new Decimal128Type(38, 0),
        DuckDbType.Float => FloatType.Default,
        DuckDbType.Double => DoubleType.Default,
        DuckDbType.Decimal => DecimalType(reader, column),
        DuckDbType.Varchar => StringType.Default,
        DuckDbType.Date => Date32Type.Default,
        DuckDbType.Timestamp => new TimestampType(TimeUnit.Microsecond, (string?)null),
        var other => throw new ArrowExportException(reader.GetName(column), other),
    };

    private static Decimal128Type DecimalType(DuckDbReader reader, int column)
    {
        var (width, scale, _) = reader.GetDecimalShape(column);
        return new Decimal128Type(width, scale);
    }

    /// <summary>One column of the current chunk, its first <paramref name="length"/> rows, as an Arrow array.</summary>
    private static unsafe IArrowArray Column(DuckDbReader reader, int column, IArrowType type, int length)
    {
        var data = (byte*)reader.GetChunkData(column);
        var (validity, nulls) = Validity(reader.GetChunkValidity(column), length);
        ArrowBuffer[] buffers = reader.GetColumnType(column) switch
        {
            DuckDbType.Boolean => [validity, Booleans(data, length)],
            DuckDbType.Varchar => Strings(data, length, validity, reader.GetChunkValidity(column)),
            DuckDbType.Decimal => [validity, Decimals(data, length, reader.GetDecimalShape(column).Storage)],
            DuckDbType.HugeInt => [validity, Decimals(data, length, DuckDbType.HugeInt)],
            var fixedWidth => [validity, Copy(data, length * DuckDbReader.PhysicalSize(fixedWidth))],
        };
        return ArrowArrayFactory.BuildArray(new ArrayData(type, length, nulls, 0, buffers));
    }

    /// <summary>DuckDB's validity words are Arrow's bitmap bytes (little-endian, LSB first); no mask means no NULLs.</summary>
    private static unsafe (ArrowBuffer Bitmap, int Nulls) Validity(ulong* mask, int length)
    {
        if (mask == null) return (ArrowBuffer.Empty, 0);
        var bytes = new byte[(length + 7) / 8];
        new ReadOnlySpan<byte>(mask, bytes.Length).CopyTo(bytes);
        // Bits past the last row stay in the copy of a partial byte; Arrow ignores them, but clear them so files are deterministic.
        if (length % 8 != 0) bytes[^1] &= (byte)((1 << (length % 8)) - 1);
        var valid = 0;
        foreach (var b in bytes) valid += System.Numerics.BitOperations.PopCount(b);
        return (new ArrowBuffer(bytes), length - valid);
    }

    private static unsafe ArrowBuffer Copy(byte* data, int bytes) => new(new ReadOnlySpan<byte>(data, bytes).ToArray());

    /// <summary>DuckDB stores a BOOLEAN per byte; Arrow packs them into bits.</summary>
    private static unsafe ArrowBuffer Booleans(byte* data, int length)
    {
        var bits = new byte[(length + 7) / 8];
        for (var i = 0; i < length; i++)
            if (data[i] != 0) bits[i >> 3] |= (byte)(1 << (i & 7));
        return new ArrowBuffer(bits);
    }

    /// <summary>Decimal128 holds the unscaled value as a 16-byte little-endian two's complement integer; DuckDB's narrower storage is sign-extended.</summary>
    private static unsafe ArrowBuffer Decimals(byte* data, int length, DuckDbType storage)
    {
        var values = new byte[length * 16];
        for (var i = 0; i < length; i++)
        {
            Int128 unscaled = storage switch
            {
                DuckDbType.SmallInt => ((short*)data)[i],
                DuckDbType.Integer => ((int*)data)[i],
                DuckDbType.BigInt => ((long*)data)[i],
                DuckDbType.HugeInt => ((Int128*)data)[i],
                _ => throw new InvalidOperationException($"DECIMAL stored as {storage} is not a DuckDB layout."),
            };
            BinaryPrimitives.WriteInt128LittleEndian(values.AsSpan(i * 16, 16), unscaled);
        }
        return new ArrowBuffer(values);
    }

    /// <summary>
    /// VARCHAR as Arrow Utf8: int32 offsets and the UTF-8 bytes. A duckdb_string_t is 16 bytes: a
    /// 4-byte length, then up to 12 inlined bytes or a 4-byte prefix and a pointer. NULL rows get an
    /// empty slot (their bytes are undefined in DuckDB).
    /// </summary>
    private static unsafe ArrowBuffer[] Strings(byte* data, int length, ArrowBuffer validity, ulong* mask)
    {
        var offsets = new int[length + 1];
        long total = 0;
        for (var i = 0; i < length; i++)
        {
            if (IsValid(mask, i)) total += *(uint*)(data + (long)i * 16);
            offsets[i + 1] = checked((int)total);
        }
        var bytes = new byte[total];
        for (var i = 0; i < length; i++)
        {
            if (!IsValid(mask, i)) continue;
            var s = data + (long)i * 16;
            var size = (int)*(uint*)s;
            var source = size <= 12 ? s + 4 : *(byte**)(s + 8);
            new ReadOnlySpan<byte>(source, size).CopyTo(bytes.AsSpan(offsets[i], size));
        }
        return [validity, new ArrowBuffer(MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray()), new ArrowBuffer(bytes)];
    }

    private static unsafe bool IsValid(ulong* mask, int row) => mask == null || (mask[row >> 6] & (1UL << (row & 63))) != 0;
}
