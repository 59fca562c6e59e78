using System.Globalization;
using System.Text;

namespace Analytics.Benchmarks;

/// <summary>
/// Fact rows shaped like fact_value (warehouse/Schema/Migrations/0001_star_schema.sql), held column
/// by column in managed memory: what a loader has in hand after parsing submissions. One row in 50
/// is a category indicator: NULL value, a Vietnamese category text; the others a number and NULL category.
/// </summary>
public sealed class FactRows
{
    public const string TableColumns = """
        submission_id BIGINT NOT NULL, unit_id INTEGER NOT NULL, period_id INTEGER NOT NULL,
        indicator_id SMALLINT NOT NULL, value DOUBLE, category VARCHAR
        """;

    /// <summary>The same columns as read_csv's columns={...} argument.</summary>
    public const string CsvColumns = """
        {'submission_id': 'BIGINT', 'unit_id': 'INTEGER', 'period_id': 'INTEGER',
         'indicator_id': 'SMALLINT', 'value': 'DOUBLE', 'category': 'VARCHAR'}
        """;

    private static readonly string[] Categories = ["Tốt", "Khá", "Trung bình", "Hoàn thành xuất sắc nhiệm vụ"];

    private FactRows(int count)
    {
        Count = count;
        SubmissionId = new long[count];
        UnitId = new int[count];
        PeriodId = new int[count];
        IndicatorId = new short[count];
        Value = new double[count];
        Category = new string?[count];
    }

    public int Count { get; }
    public long[] SubmissionId { get; }
    public int[] UnitId { get; }
    public int[] PeriodId { get; }
    public short[] IndicatorId { get; }
    public double[] Value { get; } // NaN stands for NULL (rows with a category)
    public string?[] Category { get; }

    /// <summary>Deterministic rows: 60 values per submission, ~8,000 units, the 2024 quarters, 300 indicators.</summary>
    public static FactRows Generate(int count)
    {
        var rows = new FactRows(count);
        var random = new Random(20240101);
        for (var i = 0; i < count; i++)
        {
            rows.SubmissionId[i] = 1 + i / 60;
            rows.UnitId[i] = 1 + (i / 60) % 7919;
            rows.PeriodId[i] = 2024_201 + (i / 60) % 4;
            rows.IndicatorId[i] = (short)(1 + i % 300);
            if (i % 50 == 49)
            {
                rows.Value[i] = double.NaN;
                rows.Category[i] = Categories[random.Next(Categories.Length)];
            }
            else
            {
                // Whole counts mostly, money amounts sometimes: both shapes occur in the submissions.
                rows.Value[i] = i % 7 == 0 ? Math.Round(random.NextDouble() * 1e9, 2) : random.Next(0, 5000);
            }
        }
        return rows;
    }

    /// <summary>Writes the rows as CSV with a header; NULL is an empty field.</summary>
    public void WriteCsv(string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 20);
        writer.Write("submission_id,unit_id,period_id,indicator_id,value,category\n");
        Span<char> number = stackalloc char[32];
        for (var i = 0; i < Count; i++)
        {
            Write(writer, SubmissionId[i], number);
            writer.Write(',');
            Write(writer, UnitId[i], number);
            writer.Write(',');
            Write(writer, PeriodId[i], number);
            writer.Write(',');
            Write(writer, IndicatorId[i], number);
            writer.Write(',');
            if (!double.IsNaN(Value[i]))
            {
                Value[i].TryFormat(number, out var n, "R", CultureInfo.InvariantCulture);
                writer.Write(number[..n]);
            }
            writer.Write(',');
            if (Category[i] is { } category) writer.Write(category);
            writer.Write('\n');
        }
    }

    private static void Write(StreamWriter writer, long value, Span<char> buffer)
    {
        value.TryFormat(buffer, out var n, default, CultureInfo.InvariantCulture);
        writer.Write(buffer[..n]);
    }
}
