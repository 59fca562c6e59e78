
namespace Analytics.Warehouse.Tests;

public sealed class BulkAppendTests
{
    [Fact]
    public void TenMillionRowsLoadThroughTheAppenderWithMatchingCountAndChecksum()
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
        {
            for (var row = 0; row < rows; row++)
            {
                var line = appender.CreateRow()
                    .AppendValue((long)(row / 50)).AppendValue(row % 7919).AppendValue(2024_000 + 200 + row % 4 + 1).AppendValue((short)(row % 300));
                idSum += row / 50;
                unitSum += row % 7919;
                indicatorSum += row % 300;
                if (row % 300 == 299)
                {
                    var category = categories[row % categories.Length];
                    line.AppendNullValue().AppendValue(category);
                    nullValues++;
                    categoryLength += category.Length;
                }
                else
                {
                    line.AppendValue(row * 0.25).AppendNullValue();
                    valueSum += row * 0.25;
                }
                line.EndRow();
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
