namespace Analytics.Warehouse.Tests;

/// <summary>
/// One row of every type the binding carries, or all NULLs (<see cref="Key"/> aside). The rows in
/// <see cref="All"/> sit on the edges: extreme integers, decimals wider than 96 bits once scaled,
/// strings on both sides of DuckDB's 12-byte inline limit, dates and timestamps before 1970.
/// </summary>
public sealed record SampleRow(int Key, bool? Flag, int? Int, long? Long, double? Double, decimal? Small, decimal? Wide,
    string? Text, DateOnly? Date, DateTime? Timestamp)
{
    public const string CreateTable = """
        CREATE TABLE sample (k INTEGER, b BOOLEAN, i INTEGER, l BIGINT, d DOUBLE,
                             m1 DECIMAL(18,3), m2 DECIMAL(38,10), s VARCHAR, dt DATE, ts TIMESTAMP)
        """;

    public static IReadOnlyList<SampleRow> All { get; } =
    [
        new(1, true, int.MaxValue, long.MaxValue, 1.5, 123456789012345.678m, 1234567890123456.1234567890m,
            "Hà Nội", new DateOnly(2024, 2, 29), new DateTime(2024, 2, 29, 23, 59, 59).AddTicks(9_999_990)),
        new(2, false, int.MinValue, long.MinValue, -2.25e-300, -0.001m, -0.0000000001m,
            "abcdefghijkl", new DateOnly(1970, 1, 1), new DateTime(1969, 12, 31, 23, 59, 59).AddTicks(10)),
        new(3, true, 0, 0, double.MaxValue, -999999999999999.999m, 12345678901234567890.12345678m,
            "abcdefghijklm", new DateOnly(1, 1, 1), new DateTime(1, 1, 1)),
        new(4, false, -1, 1L << 40, double.Epsilon, 0m, 0m,
            new string('x', 5000) + "đ", new DateOnly(9999, 12, 31), new DateTime(9999, 12, 31, 23, 59, 59).AddTicks(9_999_990)),
        new(5, null, null, null, null, null, null, null, null, null),
        new(6, true, 42, 42, 0.1, 0.5m, 0.5m, "", new DateOnly(2021, 6, 30), new DateTime(2021, 6, 30, 8, 30, 0)),
    ];

    public object?[] Values => [Key, Flag, Int, Long, Double, Small, Wide, Text, Date, Timestamp];

    /// <summary>Reads the table back through the typed getters and compares every value with <see cref="All"/>.</summary>
    public static void AssertTableHoldsAll(DuckDB.NET.Data.DuckDBConnection connection)
    {
        using var reader = connection.Query("SELECT k, b, i, l, d, m1, m2, s, dt, ts FROM sample ORDER BY k");
        var seen = 0;
        while (reader.Read())
        {
            var expected = All[seen++];
            Assert.Equal(expected.Key, reader.GetInt32(0));
            AssertColumn(reader, 1, expected.Flag, r => r.GetBoolean(1));
            AssertColumn(reader, 2, expected.Int, r => r.GetInt32(2));
            AssertColumn(reader, 3, expected.Long, r => r.GetInt64(3));
            AssertColumn(reader, 4, expected.Double, r => r.GetDouble(4));
            AssertColumn(reader, 5, expected.Small, r => r.GetDecimal(5));
            AssertColumn(reader, 6, expected.Wide, r => r.GetDecimal(6));
            AssertColumn(reader, 7, expected.Text, r => r.GetString(7));
            AssertColumn(reader, 8, expected.Date, r => r.GetDate(8));
            AssertColumn(reader, 9, expected.Timestamp, r => r.GetDateTime(9));
            // The generic accessor agrees with the typed ones.
            Assert.Equal(expected.Wide, reader.Get<decimal?>(6));
            Assert.Equal(expected.Text, reader.Get<string>(7));
        }
        Assert.Equal(All.Count, seen);
    }

    private static void AssertColumn<T>(DuckDB.NET.Data.DuckDBDataReader reader, int column, T? expected,
        Func<DuckDB.NET.Data.DuckDBDataReader, T> read) where T : struct
    {
        Assert.Equal(expected is null, reader.IsDBNull(column));
        if (expected is { } value) Assert.Equal(value, read(reader));
    }

    private static void AssertColumn(DuckDB.NET.Data.DuckDBDataReader reader, int column, string? expected,
        Func<DuckDB.NET.Data.DuckDBDataReader, string> read)
    {
        Assert.Equal(expected is null, reader.IsDBNull(column));
        if (expected is not null) Assert.Equal(expected, read(reader));
    }
}
