
namespace Analytics.Warehouse.Tests;

public sealed class TypeRoundTripTests
{
    [Fact]
    public void EveryTypeAndNullSurvivesPositionalParameters()
    {
        using var db = DuckDbDatabase.Open(":memory:");
        using var connection = db.Connect();
        connection.Execute(SampleRow.CreateTable);

        foreach (var row in SampleRow.All)
            Assert.Equal(1, connection.Execute("INSERT INTO sample VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)", row.Values));

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
            Assert.Equal(row.Timestamp, reader.GetDateTime(7));
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
                appender.CreateRow()
                    .AppendValue(row.Key).AppendValue(row.Flag).AppendValue(row.Int).AppendValue(row.Long).AppendValue(row.Double)
                    .AppendValue(row.Small).AppendValue(row.Wide).AppendValue(row.Text).AppendValue(row.Date).AppendValue(row.Timestamp)
                    .EndRow();
            appender.Close();
        }

        SampleRow.AssertTableHoldsAll(connection);
    }
}
