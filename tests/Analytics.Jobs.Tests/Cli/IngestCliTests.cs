
namespace Analytics.Jobs.Tests.Cli;

public sealed class IngestCliTests : IDisposable
{
    private readonly TempFolder _temp = new("analytics-cli-");

    public void Dispose() => _temp.Dispose();

    private string Db => Path.Combine(_temp.Path, "w.duckdb");

    private string Write(string name, string text) => _temp.Write(name, text);

    private string Registry() => Write("units.csv", """
        unit_code,name,parent_code,level,sector,valid_from,valid_to,successor_code
        TLD,Tổng Liên đoàn Lao động Việt Nam,,0,,2015-01-01,,
        HNI,LĐLĐ Thành phố Hà Nội,TLD,1,,2015-01-01,,
        HNI-GLM,LĐLĐ huyện Gia Lâm,HNI,2,,2015-01-01,,
        GLM-A,CĐCS A,HNI-GLM,3,private,2019-01-01,,
        GLM-B,CĐCS B,HNI-GLM,3,soe,2019-01-01,,
        """);

    private (long Submissions, long Facts) Counts()
    {
        using var db = DuckDbDatabase.Open(Db, new DuckDbOptions { ReadOnly = true });
        using var c = db.Connect();
        return (c.Scalar<long>("SELECT count(*) FROM submission"), c.Scalar<long>("SELECT count(*) FROM fact_value"));
    }

    [Fact]
    public void ProcessKilledInTheMiddleOfALoadLeavesNoHalfSubmissionAndTheRetryLoadsIt()
    {
        Assert.Equal(0, CliProcess.Run(null, "units", "import", Registry(), "--db", Db).ExitCode);
        // 20 quarterly submissions (2019-Q1 … 2023-Q4) of two values each.
        var rows = from year in Enumerable.Range(2019, 5)
                   from quarter in Enumerable.Range(1, 4)
                   select $"GLM-A,{year}-Q{quarter},workers,{100 + quarter}\nGLM-A,{year}-Q{quarter},members,{80 + quarter}\n";
        var file = Write("bulk.csv", "unit_code,period,indicator,value\n" + string.Concat(rows));

        // The process dies (as with kill -9) after the values are appended, before the commit.
        var crashed = CliProcess.Run(new Dictionary<string, string> { ["ANALYTICS_FAULT"] = "ingest-mid-write" }, "ingest", file, "--db", Db, "--received-at", "2024-04-01");
        Assert.NotEqual(0, crashed.ExitCode);
        Assert.Equal((0L, 0L), Counts());

        var retry = CliProcess.Run(null, "ingest", file, "--db", Db, "--received-at", "2024-04-01");
        Assert.True(retry.ExitCode == 0, retry.Error);
        var (submissions, facts) = Counts();
        Assert.Equal(20, submissions);
        Assert.Equal(40, facts);
    }

    [Fact]
    public void IngestLoadsFileByFileWithBatchOneAndRefusesABatchThatIsNotAPositiveNumber()
    {
        CliProcess.Run(null, "units", "import", Registry(), "--db", Db);
        var folder = Path.Combine(_temp.Path, "q");
        Directory.CreateDirectory(folder);
        foreach (var quarter in new[] { 1, 2, 3 })
            File.WriteAllText(Path.Combine(folder, $"q{quarter}.csv"), $"unit_code,period,indicator,value\nGLM-A,2024-Q{quarter},workers,{10 + quarter}\n");
        Assert.Equal(2, CliProcess.Run(null, "ingest", folder, "--db", Db, "--batch", "0").ExitCode);
        Assert.Equal(2, CliProcess.Run(null, "ingest", folder, "--db", Db, "--batch", "many").ExitCode);
        Assert.Equal((0L, 0L), Counts());

        var loaded = CliProcess.Run(null, "ingest", folder, "--db", Db, "--batch", "1", "--received-at", "2024-10-01");
        Assert.True(loaded.ExitCode == 0, loaded.Error);
        Assert.Equal((3L, 3L), Counts());
    }

    [Fact]
    public void IngestExitsOneWhenSomethingWasRefusedAndTwoOnUsageErrors()
    {
        CliProcess.Run(null, "units", "import", Registry(), "--db", Db);
        var file = Write("mixed.csv", "unit_code,period,indicator,value\nGLM-A,2024-Q1,workers,10\nGLM-B,2024-Q1,workers,-1\n");
        var result = CliProcess.Run(null, "ingest", file, "--db", Db, "--received-at", "2024-03-01");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("mixed.csv, dòng 3 — GLM-B, 2024-Q1, workers", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, CliProcess.Run(null, "ingest", "--no-such-flag", "--db", Db).ExitCode);
        Assert.Equal(2, CliProcess.Run(null, "ingest", Path.Combine(_temp.Path, "missing.csv"), "--db", Db).ExitCode);
        var english = CliProcess.Run(null, "ingest", Write("again.csv", "unit_code,period,indicator,value\nGLM-B,2024-Q2,workers,-1\n"), "--db", Db, "--lang", "en");
        Assert.Contains("value -1 is negative", english.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void SqlRefusesWritesAndFileAccessWithAClearMessage()
    {
        CliProcess.Run(null, "units", "import", Registry(), "--db", Db);
        var ok = CliProcess.Run(null, "sql", "SELECT count(*) AS n FROM dim_unit", "--db", Db, "--format", "csv");
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("n\n5\n", ok.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
        var write = CliProcess.Run(null, "sql", "DELETE FROM dim_unit", "--db", Db);
        Assert.Equal(1, write.ExitCode);
        Assert.Contains("chỉ đọc", write.Error, StringComparison.Ordinal);
        var file = CliProcess.Run(null, "sql", $"COPY (SELECT 1) TO '{Path.Combine(_temp.Path, "x.csv")}'", "--db", Db);
        Assert.Equal(1, file.ExitCode);
        Assert.False(File.Exists(Path.Combine(_temp.Path, "x.csv")));
        Assert.Equal(0, Counts().Submissions);
    }
}
