using Analytics.Warehouse.Schema;

namespace Analytics.Warehouse.Tests;

public sealed class MigrationTests
{
    [Fact]
    public void MigrationsAppliedTwiceChangeNothing()
    {
        using var warehouse = Warehouse.Open(":memory:");
        using var connection = warehouse.Connect();
        var version = Migrator.CurrentVersion(connection);
        var periods = connection.Scalar<long>("SELECT count(*) FROM dim_period");
        var versions = connection.Scalar<long>("SELECT count(*) FROM schema_version");

        var applied = Migrator.Apply(connection);

        Assert.Empty(applied);
        Assert.Equal(Migrator.Migrations.Max(m => m.Version), version);
        Assert.Equal(Migrator.Migrations.Count, versions);
        Assert.Equal(version, Migrator.CurrentVersion(connection));
        Assert.Equal(periods, connection.Scalar<long>("SELECT count(*) FROM dim_period"));
        Assert.Equal(versions, connection.Scalar<long>("SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public void OpeningAnExistingWarehouseFileAgainKeepsItsSchemaAndData()
    {
        using var file = new TempDatabaseFile(Path.Combine("nested", "warehouse.duckdb"));
        var appliedAt = new DateTimeOffset(2026, 1, 15, 8, 0, 0, TimeSpan.Zero);
        using (var first = Warehouse.Open(file.Path, clock: new FixedClock(appliedAt)))
        using (var connection = first.Connect())
            connection.Execute("INSERT INTO submission (submission_id, unit_code, period_code, status, source_file, source_format, content_hash, received_at, loaded_at, value_count) VALUES (nextval('seq_submission'), 'LDLD-LB', '2024-Q1', 'accepted', 'a.xlsx', 'xlsx', 'h', now(), now(), 0)");

        using var second = Warehouse.Open(file.Path, clock: new FixedClock(appliedAt.AddDays(1)));
        using var check = second.Connect();
        Assert.Equal(1, check.Scalar<long>("SELECT count(*) FROM submission"));
        Assert.Equal(Migrator.Migrations.Count, check.Scalar<long>("SELECT count(*) FROM schema_version"));
        Assert.Equal(appliedAt.UtcDateTime, check.Scalar<DateTime>("SELECT max(applied_at) FROM schema_version"));
        Assert.Equal(check.Scalar<long>("SELECT count(DISTINCT period_code) FROM dim_period"), check.Scalar<long>("SELECT count(*) FROM dim_period"));
    }

    [Fact]
    public void TheSubmissionTableKeepsOnlyItsPrimaryKeyIndex()
    {
        // 0023 dropped submission_unit_period: DuckDB never scanned it, and every ingest paid for it.
        using var warehouse = Warehouse.Open(":memory:");
        using var connection = warehouse.Connect();
        Assert.Equal(0, connection.Scalar<long>("SELECT count(*) FROM duckdb_indexes() WHERE table_name = 'submission'"));
        Assert.Equal(1, connection.Scalar<long>("SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'submission' AND constraint_type = 'PRIMARY KEY'"));
    }

    [Fact]
    public void OpeningAMissingWarehouseReadOnlyIsRefused()
    {
        using var file = new TempDatabaseFile();

        var error = Assert.Throws<WarehouseException>(() => Warehouse.Open(file.Path, new() { ReadOnly = true }));

        Assert.Contains(file.Path, error.Message);
        Assert.False(File.Exists(file.Path));
    }

    [Theory]
    [InlineData("2024-Q1", "quarter", "2024-01-01", "2024-03-31")]
    [InlineData("2024-02", "month", "2024-02-01", "2024-02-29")]
    [InlineData("2024-H2", "half", "2024-07-01", "2024-12-31")]
    [InlineData("2024-9M", "nine_months", "2024-01-01", "2024-09-30")]
    [InlineData("2024", "year", "2024-01-01", "2024-12-31")]
    [InlineData("2021-2025", "term", "2021-01-01", "2025-12-31")]
    public void DimPeriodHoldsEachPeriodWithItsDates(string code, string type, string start, string end)
    {
        using var warehouse = Warehouse.Open(":memory:");
        using var connection = warehouse.Connect();

        using var reader = connection.Query("SELECT period_type, start_date, end_date FROM dim_period WHERE period_code = $1", code);
        Assert.True(reader.Read());
        Assert.Equal(type, reader.GetString(0));
        Assert.Equal(DateOnly.Parse(start), reader.GetDate(1));
        Assert.Equal(DateOnly.Parse(end), reader.GetDate(2));
        Assert.False(reader.Read());
    }

    [Fact]
    public void PeriodContainmentFollowsTheCalendar()
    {
        using var warehouse = Warehouse.Open(":memory:");
        using var connection = warehouse.Connect();
        bool Contains(string outer, string inner) =>
            connection.Scalar<long>("SELECT count(*) FROM v_period_contains WHERE period_code = $1 AND contains_period_code = $2", outer, inner) == 1;

        Assert.True(Contains("2024", "2024-Q1"));
        Assert.True(Contains("2024", "2024-03"));
        Assert.True(Contains("2024", "2024-H1"));
        Assert.True(Contains("2024", "2024-9M"));
        Assert.True(Contains("2021-2025", "2024"));
        Assert.True(Contains("2024-H1", "2024-Q2"));
        Assert.False(Contains("2024-Q1", "2024-04"));
        Assert.False(Contains("2024-9M", "2024-Q4"));
        Assert.False(Contains("2024", "2024"));
        Assert.False(Contains("2021-2025", "2026"));
        // A year contains 12 months, 4 quarters, 2 halves and one nine-month period.
        Assert.Equal(19, connection.Scalar<long>("SELECT count(*) FROM v_period_contains WHERE period_code = '2024'"));
    }
}
