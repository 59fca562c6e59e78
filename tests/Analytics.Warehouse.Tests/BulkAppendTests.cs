using Analytics.Warehouse.DuckDb;

namespace Analytics.Warehouse.Tests;

public sealed class BulkAppendTests
{
    [Fact]
    public void TenMillionRowsLoadThroughDataChunksWithMatchingCountAndChecksum()
    {
        const int rows = 10_000_000;
        using var file = new TempDatabaseFile();
        using var db = DuckDbDatabase.Open(file.Path);
        using var connection = db.Connect();
        connection.Execute("""
            CREATE TABLE fact (submission_id BIGINT NOT NULL, unit_id INTEGER NOT NULL, period_id INTEGER NOT NULL,
                               indicator_id SMALLINT NOT NULL, value DOUBLE, category VARCHAR)
            """);

        long idSum = 0, unitSum = 0, indicatorSum = 0, nullValues = 0, categoryLength = 0;
        double valueSum = 0;
        string[] categories = ["Tốt", "Khá", "Trung bình", "Hoàn thành xuất sắc nhiệm vụ"];
        using (var appender = connection.CreateAppender("fact"))
        using (var chunk = appender.CreateChunk())
        {
            var row = 0;
            while (row < rows)
            {
                var submission = chunk.GetSpan<long>(0);
                var unit = chunk.GetSpan<int>(1);
                var period = chunk.GetSpan<int>(2);
                var indicator = chunk.GetSpan<short>(3);
                var value = chunk.GetSpan<double>(4);
                var n = Math.Min(chunk.Capacity, rows - row);
                for (var r = 0; r < n; r++, row++)
                {
                    submission[r] = row / 50;
                    unit[r] = row % 7919;
                    period[r] = 2024_000 + 200 + row % 4 + 1;
                    indicator[r] = (short)(row % 300);
                    idSum += row / 50;
                    unitSum += row % 7919;
                    indicatorSum += row % 300;
                    if (row % 300 == 299)
                    {
                        chunk.SetNull(4, r);
                        var category = categories[row % categories.Length];
                        chunk.SetString(5, r, category);
                        nullValues++;
                        categoryLength += category.Length;
                    }
                    else
                    {
                        value[r] = row * 0.25;
                        valueSum += row * 0.25;
                        chunk.SetNull(5, r);
                    }
                }
                chunk.Size = n;
                appender.AppendChunk(chunk);
            }
            appender.Close();
        }

        using var reader = connection.Query("""
            SELECT count(*), sum(submission_id), sum(unit_id), sum(indicator_id), count(*) - count(value), sum(value),
                   sum(length(category)), count(DISTINCT period_id)
            FROM fact
            """);
        Assert.True(reader.Read());
        Assert.Equal(rows, reader.GetInt64(0));
        Assert.Equal(idSum, reader.GetInt64(1));
        Assert.Equal(unitSum, reader.GetInt64(2));
        Assert.Equal(indicatorSum, reader.GetInt64(3));
        Assert.Equal(nullValues, reader.GetInt64(4));
        Assert.Equal(valueSum, reader.GetDouble(5), valueSum * 1e-12);
        Assert.Equal(categoryLength, reader.GetInt64(6));
        Assert.Equal(4, reader.GetInt64(7));
    }
}
