using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;

namespace Analytics.Warehouse.Tests.Store;

/// <summary>Arrow IPC files written from real DuckDB results, read back with Apache.Arrow's own reader and compared with the SQL result.</summary>
public sealed class ArrowExportTests
{
    private static readonly string Nfc = "Công đoàn cơ sở Hà Nội – Đoàn viên mới".Normalize(NormalizationForm.FormC);
    private static readonly string Nfd = "Công đoàn cơ sở Hà Nội – Đoàn viên mới".Normalize(NormalizationForm.FormD);

    private const string Table = """
        CREATE TABLE t (
            b BOOLEAN, i8 TINYINT, i16 SMALLINT, i32 INTEGER, i64 BIGINT, f FLOAT, d DOUBLE,
            dec4 DECIMAL(4,1), dec9 DECIMAL(9,2), dec18 DECIMAL(18,4), s VARCHAR, dt DATE, ts TIMESTAMP)
        """;

    private static void Fill(DuckDBConnection connection)
    {
        connection.Execute(Table);
        connection.Execute("""
            INSERT INTO t VALUES
            (true, -128, -32768, -2147483648, -9223372036854775808, 1.5, -0.25, -999.9, -9999999.99, -99999999999999.9999, 'a', DATE '1969-12-31', TIMESTAMP '1969-12-31 23:59:59.999999'),
            (false, 127, 32767, 2147483647, 9223372036854775807, 3.25, 1e300, 999.9, 1234567.89, 12345678901234.5678, 'exactly12byt', DATE '2024-03-31', TIMESTAMP '2024-03-31 08:30:15.123456'),
            (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
            (true, 0, 0, 0, 0, 0, 0, 0, 0, 0, '', DATE '2000-02-29', TIMESTAMP '2000-02-29 00:00:00')
            """);
        // Vietnamese text in both normal forms, inlined (≤ 12 bytes) and not, each kept byte for byte.
        connection.Execute("INSERT INTO t (s) VALUES ($1), ($2), ($3)", Nfc, Nfd, "Hà Nội");
    }

    [Fact]
    public void EveryMappedTypeRoundTripsWithItsArrowTypeAndNulls()
    {
        using var temp = new TempDatabaseFile();
        using var db = DuckDbDatabase.Open(temp.Path);
        using var connection = db.Connect();
        Fill(connection);
        var file = System.IO.Path.ChangeExtension(temp.Path, ".arrow");

                    ArrowExport.WriteFile(connection, "SELECT * FROM t", file);

        var (schema, rows, _) = ReadArrow(file);
        Assert.Equal(["b", "i8", "i16", "i32", "i64", "f", "d", "dec4", "dec9", "dec18", "s", "dt", "ts"], schema.FieldsList.Select(f => f.Name));
        Assert.IsType<BooleanType>(schema.GetFieldByName("b").DataType);
        Assert.IsType<Int8Type>(schema.GetFieldByName("i8").DataType);
        Assert.IsType<Int16Type>(schema.GetFieldByName("i16").DataType);
        Assert.IsType<Int32Type>(schema.GetFieldByName("i32").DataType);
        Assert.IsType<Int64Type>(schema.GetFieldByName("i64").DataType);
        Assert.IsType<FloatType>(schema.GetFieldByName("f").DataType);
        Assert.IsType<DoubleType>(schema.GetFieldByName("d").DataType);
        foreach (var (name, precision, scale) in new[] { ("dec4", 4, 1), ("dec9", 9, 2), ("dec18", 18, 4) })
        {
            var type = Assert.IsType<Decimal128Type>(schema.GetFieldByName(name).DataType);
            Assert.Equal((precision, scale), (type.Precision, type.Scale));
        }
        Assert.IsType<StringType>(schema.GetFieldByName("s").DataType);
        Assert.IsType<Date32Type>(schema.GetFieldByName("dt").DataType);
        var ts = Assert.IsType<TimestampType>(schema.GetFieldByName("ts").DataType);
        Assert.Equal(TimeUnit.Microsecond, ts.Unit);
        Assert.Null(ts.Timezone);

        Assert.Equal(SqlRows(connection, "SELECT * FROM t"), rows);
        var texts = rows.Select(r => r[10]).ToList();
        Assert.Contains(Nfc, texts);
        Assert.Contains(Nfd, texts);
        Assert.NotEqual(Nfc, Nfd); // the two forms differ in bytes, so both surviving means nothing was normalised
        Assert.Equal(13 + 3 * 12, rows.Sum(r => r.Count(v => v is null))); // 1 all-NULL row + 3 text-only rows with 12 NULLs each
    }

    [Fact]
    public void Decimal38KeepsDigitsBeyondDotNetDecimal()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        const string sql = """
            SELECT * FROM (VALUES (1234567890123456789012345678.0123456789::DECIMAL(38,10)),
                                  (-9999999999999999999999999999.9999999999::DECIMAL(38,10)),
                                  (NULL::DECIMAL(38,10)), (-0.0000000001::DECIMAL(38,10))) v(x)
            """;
        using var stream = new MemoryStream();
                    ArrowExport.Write(connection, sql, stream);
        stream.Position = 0;
        using var arrow = new ArrowFileReader(stream);
        var type = Assert.IsType<Decimal128Type>(arrow.Schema.FieldsList[0].DataType);
        Assert.Equal((38, 10), (type.Precision, type.Scale));
        var batch = arrow.ReadNextRecordBatch();
        var column = (Decimal128Array)batch.Column(0);

        var expected = new List<string?>();
        using (var reader = connection.Query($"SELECT x::VARCHAR FROM ({sql})"))
            while (reader.Read()) expected.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        var actual = Enumerable.Range(0, column.Length).Select(i => column.IsNull(i) ? null : Format(column, i, type.Scale)).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void HugeIntBecomesDecimal128WithScaleZero()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        using var stream = new MemoryStream();
        ArrowExport.Write(connection, "SELECT * FROM (VALUES (170141183460469231731687303715884105727::HUGEINT), (NULL), (-42::HUGEINT), (9223372036854775808::HUGEINT)) v(h)", stream);
        stream.Position = 0;
        using var arrow = new ArrowFileReader(stream);
        var type = Assert.IsType<Decimal128Type>(arrow.Schema.FieldsList[0].DataType);
        Assert.Equal((38, 0), (type.Precision, type.Scale));
        var column = (Decimal128Array)arrow.ReadNextRecordBatch().Column(0);
        Assert.Equal(["170141183460469231731687303715884105727", null, "-42", "9223372036854775808"],
            Enumerable.Range(0, column.Length).Select(i => column.IsNull(i) ? null : Format(column, i, 0)));
    }

    [Fact]
    public void AResultOfManyChunksIsWrittenBatchByBatch()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        const string sql = """
            SELECT i::INTEGER AS n, CASE WHEN i % 7 = 0 THEN NULL ELSE 'dòng ' || i END AS s,
                   DATE '2020-01-01' + i::INTEGER AS d
            FROM range(10000) t(i) ORDER BY i
            """;
        using var stream = new MemoryStream();
        ArrowExport.Written written;
                    written = ArrowExport.Write(connection, sql, stream);

        Assert.Equal(10_000, written.Rows);
        Assert.True(written.Batches >= 5, $"10,000 rows in {written.Batches} batches: one per DuckDB chunk of at most 2,048 rows");
        var path = System.IO.Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, stream.ToArray());
            var (_, rows, batches) = ReadArrow(path);
            Assert.Equal(written.Batches, batches);
            Assert.All(BatchLengths(path), length => Assert.InRange(length, 1, 2048));
            Assert.Equal(SqlRows(connection, sql), rows);
            Assert.Equal(10_000 / 7 + 1, rows.Count(r => r[1] is null));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MaxRowsCutsInsideAChunk()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        using var stream = new MemoryStream();
                    Assert.Equal(3000, ArrowExport.Write(connection, "SELECT i FROM range(5000) t(i) ORDER BY i", stream, maxRows: 3000).Rows);
        stream.Position = 0;
        using var arrow = new ArrowFileReader(stream);
        long total = 0;
        long last = -1;
        while (arrow.ReadNextRecordBatch() is { } batch)
        {
            total += batch.Length;
            last = ((Int64Array)batch.Column(0)).GetValue(batch.Length - 1)!.Value;
        }
        Assert.Equal((3000, 2999), (total, last));
    }

    [Fact]
    public void AnEmptyResultGivesTheSchemaAndNoRows()
    {
        using var temp = new TempDatabaseFile();
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        var file = temp.Path + ".arrow";
                    Assert.Equal(0, ArrowExport.WriteFile(connection, "SELECT 1::INTEGER AS a, 'x' AS b WHERE false", file).Rows);
        var (schema, rows, _) = ReadArrow(file);
        Assert.Equal(["a", "b"], schema.FieldsList.Select(f => f.Name));
        Assert.Empty(rows);
    }

    [Fact]
    public void NestedIntervalAndTimeColumnsKeepTheirArrowTypes()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        using var stream = new MemoryStream();
        ArrowExport.Write(connection, "SELECT [1, 2] AS l, INTERVAL 1 DAY AS h, TIME '10:00' AS t", stream);
        stream.Position = 0;
        using var arrow = new ArrowFileReader(stream);
        Assert.IsType<ListType>(arrow.Schema.GetFieldByName("l").DataType);
        Assert.IsAssignableFrom<IntervalType>(arrow.Schema.GetFieldByName("h").DataType);
        Assert.IsType<Time64Type>(arrow.Schema.GetFieldByName("t").DataType);
        Assert.Equal(1, arrow.ReadNextRecordBatch().Length);
    }

    [Fact]
    public void WritingAgainReplacesTheFileWhole()
    {
        using var temp = new TempDatabaseFile();
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        var file = temp.Path + ".arrow";
        ArrowExport.WriteFile(connection, "SELECT i FROM range(3000) t(i)", file);
        ArrowExport.WriteFile(connection, "SELECT i FROM range(2) t(i)", file);
        Assert.Equal(2, ReadArrow(file).Rows.Count);
        Assert.Single(Directory.GetFiles(System.IO.Path.GetDirectoryName(file)!, "*.arrow*"));
    }

    /// <summary>The SQL result as rows of normalised values (see <see cref="Normalise"/>).</summary>
    internal static List<List<object?>> SqlRows(DuckDBConnection connection, string sql)
    {
        var rows = new List<List<object?>>();
        using var reader = connection.Query(sql);
        while (reader.Read())
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Normalise(reader.IsDBNull(i) ? null : reader.GetValue(i)))]);
        return rows;
    }

    /// <summary>Reads an Arrow IPC file with Apache.Arrow's reader: its schema, rows of normalised values, and its batch count.</summary>
    internal static (Apache.Arrow.Schema Schema, List<List<object?>> Rows, int Batches) ReadArrow(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new ArrowFileReader(stream);
        var rows = new List<List<object?>>();
        var batches = 0;
        while (reader.ReadNextRecordBatch() is { } batch)
        {
            using (batch)
            {
                batches++;
                for (var r = 0; r < batch.Length; r++)
                    rows.Add([.. Enumerable.Range(0, batch.ColumnCount).Select(c => Normalise(ArrowValue(batch.Column(c), r)))]);
            }
        }
        return (reader.Schema, rows, batches);
    }

    private static List<int> BatchLengths(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new ArrowFileReader(stream);
        var lengths = new List<int>();
        while (reader.ReadNextRecordBatch() is { } batch) lengths.Add(batch.Length);
        return lengths;
    }

    private static object? ArrowValue(IArrowArray array, int i) => array.IsNull(i) ? null : array switch
    {
        BooleanArray a => a.GetValue(i),
        Int8Array a => a.GetValue(i),
        Int16Array a => a.GetValue(i),
        Int32Array a => a.GetValue(i),
        Int64Array a => a.GetValue(i),
        FloatArray a => a.GetValue(i),
        DoubleArray a => a.GetValue(i),
        Decimal128Array a => a.GetValue(i),
        StringArray a => a.GetString(i),
        Date32Array a => a.GetDateOnly(i),
        TimestampArray a => a.GetTimestamp(i)!.Value.UtcDateTime,
        _ => throw new InvalidOperationException($"unexpected Arrow array {array.GetType().Name}"),
    };

    /// <summary>One representation per value on both sides: integers as long, timestamps as ticks, so the comparison is of values, not of .NET types.</summary>
    private static object? Normalise(object? value) => value switch
    {
        sbyte or short or int or long => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        DateTime t => $"ticks:{t.Ticks}",
        _ => value,
    };

    private static string Format(Decimal128Array column, int i, int scale)
    {
        var unscaled = BinaryPrimitives.ReadInt128LittleEndian(column.ValueBuffer.Span.Slice((column.Offset + i) * 16, 16));
        var digits = Int128.Abs(unscaled).ToString(CultureInfo.InvariantCulture).PadLeft(scale + 1, '0');
        var text = scale == 0 ? digits : digits[..^scale] + "." + digits[^scale..];
        return unscaled < 0 ? "-" + text : text;
    }
}
