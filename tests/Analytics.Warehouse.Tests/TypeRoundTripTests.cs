using Analytics.Warehouse.DuckDb;

namespace Analytics.Warehouse.Tests;

public sealed class TypeRoundTripTests
{
    [Fact]
    public void EveryTypeAndNullSurvivesPreparedStatementParameters()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        connection.Execute(SampleRow.CreateTable);

        using var insert = connection.Prepare("INSERT INTO sample VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)");
        foreach (var row in SampleRow.All)
        {
            insert.BindAll(row.Values);
            Assert.Equal(1, insert.Execute());
        }

        SampleRow.AssertTableHoldsAll(connection);
    }

    [Fact]
    public void EveryTypeSurvivesAsAQueryParameterReadStraightBack()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        foreach (var row in SampleRow.All.Where(r => r.Flag is not null))
        {
            using var reader = connection.Query("SELECT $1, $2, $3, $4, $5, $6, $7, $8", row.Flag, row.Int, row.Long, row.Double, row.Wide, row.Text, row.Date, row.Timestamp);
            Assert.True(reader.Read());
            Assert.Equal(row.Flag, reader.GetBoolean(0));
            Assert.Equal(row.Int, reader.GetInt32(1));
            Assert.Equal(row.Long, reader.GetInt64(2));
            Assert.Equal(row.Double, reader.GetDouble(3));
            Assert.Equal(row.Wide, reader.GetDecimal(4));
            Assert.Equal(row.Text, reader.GetString(5));
            Assert.Equal(row.Date, reader.GetDate(6));
            Assert.Equal(row.Timestamp, reader.GetTimestamp(7));
            Assert.False(reader.Read());
        }
        Assert.Null(connection.Scalar<string>("SELECT $1::VARCHAR", [null]));
    }

    [Fact]
    public void EveryTypeAndNullSurvivesTheRowAppender()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        connection.Execute(SampleRow.CreateTable);

        using (var appender = connection.CreateAppender("sample"))
        {
            foreach (var row in SampleRow.All)
            {
                appender.Append(row.Key);
                if (row.Flag is { } flag) appender.Append(flag); else appender.AppendNull();
                appender.Append(row.Int).Append(row.Long).Append(row.Double);
                if (row.Small is { } small) appender.Append(small); else appender.AppendNull();
                if (row.Wide is { } wide) appender.Append(wide); else appender.AppendNull();
                appender.Append(row.Text).Append(row.Date).Append(row.Timestamp);
                appender.EndRow();
            }
            appender.Close();
        }

        SampleRow.AssertTableHoldsAll(connection);
    }

    [Fact]
    public void EveryTypeAndNullSurvivesTheDataChunkAppender()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        connection.Execute(SampleRow.CreateTable);

        using (var appender = connection.CreateAppender("sample"))
        using (var chunk = appender.CreateChunk())
        {
            // Two passes through one chunk: the second must not inherit the first one's NULLs.
            FillChunk(chunk, SampleRow.All.Reverse().ToList());
            appender.AppendChunk(chunk);
            FillChunk(chunk, SampleRow.All);
            appender.AppendChunk(chunk);
            appender.Close();
        }

        // Each row arrives twice, identical in every column (DISTINCT treats NULLs as equal).
        Assert.Equal(SampleRow.All.Count * 2, connection.Scalar<long>("SELECT count(*) FROM sample"));
        Assert.Equal(SampleRow.All.Count, connection.Scalar<long>("SELECT count(*) FROM (SELECT DISTINCT * FROM sample)"));
        connection.Execute("DELETE FROM sample WHERE rowid < " + SampleRow.All.Count);
        SampleRow.AssertTableHoldsAll(connection);
    }

    [Fact]
    public void AChunkRefusesASpanOfTheWrongWidth()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        connection.Execute(SampleRow.CreateTable);
        using var appender = connection.CreateAppender("sample");
        using var chunk = appender.CreateChunk();

        Assert.Throws<InvalidOperationException>(() => chunk.GetSpan<long>(0)); // INTEGER
        Assert.Throws<InvalidOperationException>(() => chunk.GetSpan<int>(7)); // VARCHAR
        Assert.Throws<ArgumentOutOfRangeException>(() => chunk.SetNull(0, chunk.Capacity));
        Assert.Throws<OverflowException>(() => chunk.SetDecimal(5, 0, 1_000_000_000_000_000m)); // 19 digits in DECIMAL(18,3)
    }

    private static void FillChunk(DuckDbDataChunk chunk, IReadOnlyList<SampleRow> rows)
    {
        var keys = chunk.GetSpan<int>(0);
        var flags = chunk.GetSpan<bool>(1);
        var ints = chunk.GetSpan<int>(2);
        var longs = chunk.GetSpan<long>(3);
        var doubles = chunk.GetSpan<double>(4);
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            keys[r] = row.Key;
            if (row.Flag is { } flag) flags[r] = flag; else chunk.SetNull(1, r);
            if (row.Int is { } i) ints[r] = i; else chunk.SetNull(2, r);
            if (row.Long is { } l) longs[r] = l; else chunk.SetNull(3, r);
            if (row.Double is { } d) doubles[r] = d; else chunk.SetNull(4, r);
            if (row.Small is { } small) chunk.SetDecimal(5, r, small); else chunk.SetNull(5, r);
            if (row.Wide is { } wide) chunk.SetDecimal(6, r, wide); else chunk.SetNull(6, r);
            if (row.Text is { } text) chunk.SetString(7, r, text); else chunk.SetNull(7, r);
            if (row.Date is { } date) chunk.SetDate(8, r, date); else chunk.SetNull(8, r);
            if (row.Timestamp is { } ts) chunk.SetTimestamp(9, r, ts); else chunk.SetNull(9, r);
        }
        chunk.Size = rows.Count;
    }
}
