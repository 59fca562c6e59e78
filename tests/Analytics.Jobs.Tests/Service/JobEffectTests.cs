using Analytics.Jobs.Operations;
using Analytics.Jobs.Cli;

namespace Analytics.Jobs.Tests.Service;

public sealed class JobEffectTests
{
    [Fact]
    public void An_unreadable_inbox_file_is_refused_moved_to_refused_and_kept_with_its_message()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        File.WriteAllText(Path.Combine(s.Inbox, "garbage.csv"), "this is not,a submission\n1,2\n");
        using (var warehouse = Analytics.Warehouse.Warehouse.Open(s.Db))
        {
            var results = InboxIngest.Run(warehouse, s, TimeProvider.System, CancellationToken.None);
            var result = Assert.Single(results);
            Assert.Equal(SubmissionResult.Refused, result.Status);
            Assert.False(string.IsNullOrWhiteSpace(result.FileError));
        }
        Assert.False(File.Exists(Path.Combine(s.Inbox, "garbage.csv")));
        Assert.True(File.Exists(Path.Combine(s.Inbox, InboxIngest.RefusedFolder, "garbage.csv")));
        var saved = Assert.Single(InboxIngest.All(s));
        Assert.Equal("garbage.csv", saved.File);
    }

    [Fact]
    public void Ingesting_the_inbox_twice_processes_each_file_once()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        File.WriteAllText(Path.Combine(s.Inbox, "a.csv"), "nothing,useful\n");
        using var warehouse = Analytics.Warehouse.Warehouse.Open(s.Db);
        Assert.Single(InboxIngest.Run(warehouse, s, TimeProvider.System, CancellationToken.None));
        Assert.Empty(InboxIngest.Run(warehouse, s, TimeProvider.System, CancellationToken.None));
        // The same bytes dropped again (a recovered run that had not moved the file yet) give the same single result.
        File.WriteAllText(Path.Combine(s.Inbox, "a.csv"), "nothing,useful\n");
        Assert.Single(InboxIngest.Run(warehouse, s, TimeProvider.System, CancellationToken.None));
        Assert.Single(InboxIngest.All(s));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(s.Inbox, InboxIngest.RefusedFolder)).Length);
    }

    [Fact]
    public void A_receipt_manifest_in_the_inbox_dates_the_files_it_names_and_is_retired_once_they_are_processed()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        SmallRegistry.Load(s);
        File.WriteAllText(Path.Combine(s.Inbox, "late.csv"), "unit_code,period,indicator,value\nGLM-PRV,2024-Q2,workers,75\n");
        File.WriteAllText(Path.Combine(s.Inbox, "on-time.csv"), "unit_code,period,indicator,value\nGLM-SOE,2024-Q2,workers,120\n");
        File.WriteAllText(Path.Combine(s.Inbox, "unlisted.csv"), "unit_code,period,indicator,value\nGLM-PUB,2024-Q2,workers,40\n");
        // Listed late first: the inbox loads in receipt order, not in the manifest's order or by name.
        File.WriteAllText(Path.Combine(s.Inbox, InboxIngest.ManifestName),
            "file,received_at\nlate.csv,2024-06-20T09:00:00+07:00\non-time.csv,2024-06-03T08:30:00+07:00\n");
        var clock = new FixedClock(new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero));
        var reported = new List<(int Done, int Total)>();

        using (var warehouse = Analytics.Warehouse.Warehouse.Open(s.Db))
        {
            var results = InboxIngest.Run(warehouse, s, clock, CancellationToken.None, new ReportedNow<(int, int)>(reported.Add));
            Assert.Equal(["on-time.csv", "late.csv", "unlisted.csv"], results.Select(r => r.File));
            Assert.All(results, r => Assert.Equal(SubmissionResult.Accepted, r.Status));
        }
        Assert.Equal([(0, 3), (3, 3)], reported);
        using (var database = DuckDbDatabase.Open(s.Db, new DuckDbOptions { ReadOnly = true }))
        using (var c = database.Connect())
        {
            string ReceivedAt(string unit) => c.Scalar<DateTime>("SELECT received_at FROM submission WHERE unit_code = $1", unit).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal("2024-06-20 02:00", ReceivedAt("GLM-PRV"));
            Assert.Equal("2024-06-03 01:30", ReceivedAt("GLM-SOE"));
            Assert.Equal("2024-07-01 00:00", ReceivedAt("GLM-PUB"));
        }
        Assert.False(File.Exists(Path.Combine(s.Inbox, InboxIngest.ManifestName)));
        Assert.Single(Directory.GetFiles(Path.Combine(s.Inbox, InboxIngest.ProcessedFolder), InboxIngest.ManifestName, SearchOption.AllDirectories));
    }

    [Fact]
    public void A_run_cut_short_leaves_the_files_and_their_manifest_for_the_run_that_finishes_the_job()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        SmallRegistry.Load(s);
        File.WriteAllText(Path.Combine(s.Inbox, "q2.csv"), "unit_code,period,indicator,value\nGLM-PRV,2024-Q2,workers,75\n");
        File.WriteAllText(Path.Combine(s.Inbox, InboxIngest.ManifestName), "file,received_at\nq2.csv,2024-06-03T08:30:00Z\n");
        using (var warehouse = Analytics.Warehouse.Warehouse.Open(s.Db))
        {
            Assert.Throws<OperationCanceledException>(() => InboxIngest.Run(warehouse, s, TimeProvider.System, new CancellationToken(canceled: true)));
            Assert.True(File.Exists(Path.Combine(s.Inbox, InboxIngest.ManifestName)));
            Assert.Single(InboxIngest.Run(warehouse, s, TimeProvider.System, CancellationToken.None));
        }
        using var database = DuckDbDatabase.Open(s.Db, new DuckDbOptions { ReadOnly = true });
        using var c = database.Connect();
        Assert.Equal(new DateTime(2024, 6, 3, 8, 30, 0), c.Scalar<DateTime>("SELECT received_at FROM submission WHERE unit_code = 'GLM-PRV'"));
        Assert.False(File.Exists(Path.Combine(s.Inbox, InboxIngest.ManifestName)));
    }

    [Fact]
    public void Reminders_list_the_late_and_missing_grassroots_units_of_the_last_quarter_due_and_not_of_months()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        SmallRegistry.Load(s);
        // Q2 2024 is due before 15 June (Vietnam time): one union on time, one late, one silent.
        File.WriteAllText(Path.Combine(s.Inbox, "on-time.csv"), "unit_code,period,indicator,value\nGLM-SOE,2024-Q2,workers,120\n");
        File.WriteAllText(Path.Combine(s.Inbox, "late.csv"), "unit_code,period,indicator,value\nGLM-PRV,2024-Q2,workers,75\n");
        File.WriteAllText(Path.Combine(s.Inbox, InboxIngest.ManifestName),
            "file,received_at\non-time.csv,2024-06-10T09:00:00+07:00\nlate.csv,2024-06-20T09:00:00+07:00\n");
        using var warehouse = Analytics.Warehouse.Warehouse.Open(s.Db);
        InboxIngest.Run(warehouse, s, TimeProvider.System, CancellationToken.None);
        using var connection = warehouse.Connect();

        // 2 July: the June deadline (5 July) has not passed, Q2's (15 June) has.
        var written = Assert.Single(Reminders.Run(connection, s, new DateTime(2024, 7, 2)));
        Assert.Equal(("2024-Q2", 1, 1), (written.PeriodCode, written.Late, written.Missing));
        var lines = File.ReadAllLines(written.File);
        Assert.Contains(lines, l => l.StartsWith("GLM-PRV,", StringComparison.Ordinal) && l.Contains(",late,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("GLM-PUB,", StringComparison.Ordinal) && l.Contains(",missing,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("GLM-SOE,", StringComparison.Ordinal));

        // After the month's deadline, months are still not reminded of: grassroots unions do not report them.
        Assert.Equal(["2024-Q2"], Reminders.Run(connection, s, new DateTime(2024, 7, 10)).Select(r => r.PeriodCode));
        s.ReminderPeriodTypes = ["month"];
        Assert.Equal(["2024-06"], Reminders.Run(connection, s, new DateTime(2024, 7, 10)).Select(r => r.PeriodCode));
        s.ReminderPeriodTypes = ["fortnight"];
        Assert.Throws<InvalidOperationException>(() => Reminders.Run(connection, s, new DateTime(2024, 7, 10)));
    }

    [Fact]
    public void Publishing_writes_a_read_only_snapshot_and_parquet_that_read_back_the_same_rows_and_twice_gives_the_same_files()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        using (var warehouse = Analytics.Warehouse.Warehouse.Open(s.Db))
        {
            var first = Publisher.Run(warehouse, s);
            var second = Publisher.Run(warehouse, s);
            Assert.Equal(first.ParquetFiles, second.ParquetFiles);
            Assert.Contains(second.ParquetFiles, f => f.EndsWith("dim_indicator.parquet", StringComparison.Ordinal));
            Assert.All(second.ParquetFiles, f => Assert.True(File.Exists(f)));
        }
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(s.SnapshotPath));
        using var snapshot = DuckDbDatabase.Open(s.SnapshotPath, Analytics.Warehouse.Store.AnalystSql.Options);
        using var connection = snapshot.Connect();
        var indicators = connection.Scalar<long>("SELECT count(*) FROM dim_indicator");
        Assert.True(indicators > 0);
        using var reader = DuckDbDatabase.Open(":memory:");
        using var rc = reader.Connect();
        Assert.Equal(indicators, rc.Scalar<long>($"SELECT count(*) FROM read_parquet('{Path.Combine(s.ParquetDirectory, "dim_indicator.parquet")}')"));
        // The snapshot refuses writes: it is what analysts and the web page read.
        Assert.Throws<DuckDBException>(() => connection.Execute("DELETE FROM dim_indicator"));
    }

    [Fact]
    public void Publishing_writes_one_arrow_file_per_analyst_view_beside_the_parquet_with_the_views_rows()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        Publisher.Published published;
        using (var warehouse = Analytics.Warehouse.Warehouse.Open(s.Db))
        {
            Publisher.Run(warehouse, s);
            published = Publisher.Run(warehouse, s);
        }
        using var snapshot = DuckDbDatabase.Open(s.SnapshotPath, Analytics.Warehouse.Store.AnalystSql.Options);
        using var connection = snapshot.Connect();
        var views = new List<string>();
        using (var r = connection.Query("SELECT view_name FROM duckdb_views() WHERE NOT internal AND schema_name = 'main' ORDER BY 1"))
            while (r.Read()) views.Add(r.GetString(0));
        Assert.NotEmpty(views);
        Assert.Equal(views.Select(v => Path.Combine(s.ParquetDirectory, v + ".arrow")), published.ArrowFiles);
        // Only views get an Arrow file, and the folder swap left no temporary files behind.
        Assert.Equal(views.Select(v => v + ".arrow").Order(StringComparer.Ordinal),
            Directory.GetFiles(s.ParquetDirectory, "*.arrow*").Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(published.ArrowFiles, f => Path.GetFileName(f) == "fact_value.arrow");
        foreach (var view in views)
        {
            using var stream = File.OpenRead(Path.Combine(s.ParquetDirectory, view + ".arrow"));
            using var arrow = new Apache.Arrow.Ipc.ArrowFileReader(stream);
            long rows = 0;
            while (arrow.ReadNextRecordBatch() is { } batch) using (batch) rows += batch.Length;
            Assert.Equal(connection.Scalar<long>($"SELECT count(*) FROM \"{view}\""), rows);
            using var columns = connection.Query($"SELECT * FROM \"{view}\" LIMIT 0");
            Assert.Equal(Enumerable.Range(0, columns.FieldCount).Select(columns.GetName), arrow.Schema.FieldsList.Select(f => f.Name));
        }
    }

    [Fact]
    public void A_writing_cli_command_refuses_while_a_live_service_holds_the_warehouse()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        File.WriteAllText(Path.Combine(folder.Root, "x.csv"), "a,b\n");
        // A live process other than this one (pid 1 always exists) stands in for the running service.
        File.WriteAllText(ServiceLock.PathFor(s.Db), System.Text.Json.JsonSerializer.Serialize(
            new ServiceLock.Holder(1, Environment.MachineName, "http://127.0.0.1:5080", DateTimeOffset.UtcNow)));
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(["ingest", Path.Combine(folder.Root, "x.csv"), "--db", s.Db, "--lang", "en"], output, error, TimeProvider.System);
        Assert.Equal(CliApp.Refused, code);
        Assert.Contains("analytics serve", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(s.Db));
    }
}
