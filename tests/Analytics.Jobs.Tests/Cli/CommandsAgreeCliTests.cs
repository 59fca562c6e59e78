using Analytics.Jobs.Cli;

namespace Analytics.Jobs.Tests.Cli;

/// <summary>The reading commands take the periods ingest takes and refuse unknown names alike: exit 2, the user's language, close matches.</summary>
public sealed class CommandsAgreeCliTests : IDisposable
{
    private readonly TempFolder _temp = new("analytics-agree-");

    public CommandsAgreeCliTests()
    {
        Assert.Equal(CliApp.Ok, Run("units", "import", _temp.Write("units.csv", """
            unit_code,name,parent_code,level,sector,valid_from,valid_to,successor_code
            TLD,Tổng Liên đoàn Lao động Việt Nam,,0,,2015-01-01,,
            HNI,LĐLĐ Thành phố Hà Nội,TLD,1,,2015-01-01,,
            HNI-GLM,LĐLĐ huyện Gia Lâm,HNI,2,,2015-01-01,,
            GLM-A,CĐCS A,HNI-GLM,3,private,2019-01-01,,
            GLM-B,CĐCS B,HNI-GLM,3,private,2019-01-01,2025-06-30,GLM-A
            """)).Exit);
        Assert.Equal(CliApp.Ok, Run("ingest", _temp.Write("a.csv", "unit_code,period,indicator,value\nGLM-A,2024-Q1,members,40\nGLM-A,2024-Q1,workers,50\nGLM-B,2024-Q1,members,8\nGLM-B,2024-Q1,workers,10\n"),
            "--received-at", "2024-04-10").Exit);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void MetricTakesAPeriodAsAReportWritesIt()
    {
        var code = Run("metric", "membership_rate", "--unit", "HNI", "--period", "2024-Q1", "--format", "json");
        var written = Run("metric", "membership_rate", "--unit", "HNI", "--period", "Quý I/2024", "--format", "json");

        Assert.Equal(CliApp.Ok, written.Exit);
        Assert.Equal(code.Output, written.Output);
        Assert.Contains("\"value\":0.8", written.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void TrendTakesYearsAsAReportWritesThem()
    {
        var code = Run("trend", "members", "--unit", "HNI", "--from", "2023", "--to", "2024", "--format", "csv");
        var written = Run("trend", "members", "--unit", "HNI", "--from", "Năm 2023", "--to", "năm 2024", "--format", "csv");
        Assert.Equal(CliApp.Ok, written.Exit);
        Assert.Equal(code.Output, written.Output);

        // A period that is not a year is a usage error that names what is wanted.
        var quarter = Run("trend", "members", "--unit", "HNI", "--from", "Quý I/2024", "--to", "2024");
        Assert.Equal(CliApp.Usage, quarter.Exit);
        Assert.Contains("--from cần một năm", quarter.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TablesWriteFiguresAndTimesTheUsersWay()
    {
        // membership_rate HNI 2024-Q1 = (40 + 8) / (50 + 10) = 80 %.
        Assert.Contains("80,0\u00A0%", Run("metric", "membership_rate", "--unit", "HNI", "--period", "2024-Q1").Output, StringComparison.Ordinal);
        Assert.Contains("80.0\u00A0%", Run("metric", "membership_rate", "--unit", "HNI", "--period", "2024-Q1", "--lang", "en").Output, StringComparison.Ordinal);
        Assert.Contains("\"value\":0.8", Run("metric", "membership_rate", "--unit", "HNI", "--period", "2024-Q1", "--format", "json").Output, StringComparison.Ordinal);

        // Received 10/4/2024 00:00 UTC is 07:00 in Hà Nội; the as-of time names its zone.
        var vi = Run("completeness", "--period", "2024-Q1", "--unit", "HNI-GLM", "--as-of", "2024-04-10T02:00:00", "--list", "reporters").Output;
        Assert.Contains("10/04/2024 07:00", vi, StringComparison.Ordinal);
        var head = Run("completeness", "--period", "2024-Q1", "--unit", "HNI", "--as-of", "2024-04-10T02:00:00").Output;
        Assert.Contains("tính đến 10/04/2024 09:00 (giờ Việt Nam, UTC+07:00)", head, StringComparison.Ordinal);
        var en = Run("completeness", "--period", "2024-Q1", "--unit", "HNI", "--as-of", "2024-04-10T02:00:00", "--lang", "en").Output;
        Assert.Contains("as of 2024-04-10 09:00 (Vietnam time, UTC+07:00)", en, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryReadingCommandGroupsThousandsAndWritesDecimalsInTheUsersLanguage()
    {
        Assert.Equal(CliApp.Ok, Run("ingest", _temp.Write("b.csv", "unit_code,period,indicator,value\nGLM-A,2025-Q1,members,12345\nGLM-A,2025-Q1,workers,23456\n"),
            "--received-at", "2025-04-10").Exit);
        foreach (var (english, thousands, decimals) in new[] { (false, "12.345", "1.234.567,5"), (true, "12,345", "1,234,567.5") })
        {
            string[] lang = english ? ["--lang", "en"] : [];
            Assert.Contains(thousands, Run(["trend", "members", "--unit", "HNI", "--from", "2024", "--to", "2025", .. lang]).Output, StringComparison.Ordinal);
            Assert.Contains(thousands, Run(["metric", "members", "--unit", "HNI", "--period", "2025", .. lang]).Output, StringComparison.Ordinal);
            Assert.Contains(decimals, Run(["sql", "SELECT 1234567.5 AS x", .. lang]).Output, StringComparison.Ordinal);
            Assert.Contains(english ? "Wrote 1 row to" : "Đã ghi 1 dòng", Run(["sql", "SELECT 1 AS x", "--format", "arrow", "--out", Path.Combine(_temp.Path, "x.arrow"), .. lang]).Output, StringComparison.Ordinal);
        }
        // Machines get invariant numbers whatever the language.
        Assert.Contains("1234567.5", Run("sql", "SELECT 1234567.5 AS x", "--format", "csv").Output, StringComparison.Ordinal);
        Assert.Contains("12345", Run("trend", "members", "--unit", "HNI", "--from", "2024", "--to", "2025", "--format", "csv").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AClosedUnitKeepsItsFigureAndAPeriodAfterItsClosureSaysWhy()
    {
        foreach (var hierarchy in new[] { "as-is", "as-was" })
            Assert.Contains("\"value\":8", Run("metric", "members", "--unit", "GLM-B", "--period", "2024-Q1", "--hierarchy", hierarchy, "--format", "json").Output, StringComparison.Ordinal);

        var after = Run("metric", "members", "--unit", "GLM-B", "--period", "2025-Q3");
        Assert.Equal(CliApp.Ok, after.Exit);
        Assert.Contains("GLM-B đã sáp nhập vào GLM-A (CĐCS A) ngày 30/06/2025, trước kỳ 2025-Q3", after.Output, StringComparison.Ordinal);
        Assert.Contains("GLM-B merged into GLM-A (CĐCS A) on 2025-06-30", Run("metric", "members", "--unit", "GLM-B", "--period", "2025-Q3", "--lang", "en").Output, StringComparison.Ordinal);
        Assert.DoesNotContain("sáp nhập", Run("metric", "members", "--unit", "GLM-B", "--period", "2025-Q2").Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "metric", "members", "--unit", "glm-a", "--period", "2024-Q1" }, "không có đơn vị 'glm-a'; có phải GLM-A?", "unknown unit 'glm-a'; did you mean GLM-A?")]
    [InlineData(new[] { "trend", "members", "--unit", "HNI-GLN", "--from", "2023", "--to", "2024" }, "không có đơn vị 'HNI-GLN'; có phải HNI-GLM?", "unknown unit 'HNI-GLN'; did you mean HNI-GLM?")]
    [InlineData(new[] { "metric", "member", "--unit", "HNI", "--period", "2024" }, "không có chỉ tiêu 'member'; có phải members?", "unknown indicator 'member'; did you mean members?")]
    [InlineData(new[] { "completeness", "--period", "2024-Q1", "--unit", "XYZ" }, "không có đơn vị 'XYZ'", "unknown unit 'XYZ'")]
    [InlineData(new[] { "attainment", "--plan", "999" }, "không có kế hoạch '999'", "unknown plan '999'")]
    [InlineData(new[] { "report", "annual", "--unit", "HNI-GLN", "--period", "2024", "--out", "no-report" }, "không có đơn vị 'HNI-GLN'; có phải HNI-GLM?", "unknown unit 'HNI-GLN'; did you mean HNI-GLM?")]
    [InlineData(new[] { "report", "plan", "--plan", "999", "--period", "2024", "--out", "no-report" }, "không có kế hoạch '999'", "unknown plan '999'")]
    [InlineData(new[] { "template", "--unit", "glm-a", "--period", "2024-Q1", "--out", "no-form.xlsx" }, "không có đơn vị 'glm-a'; có phải GLM-A?", "unknown unit 'glm-a'; did you mean GLM-A?")]
    public void AnUnknownNameIsAUsageErrorInTheUsersLanguage(string[] command, string vi, string en)
    {
        var inVietnamese = Run(command);
        var inEnglish = Run([.. command, "--lang", "en"]);

        Assert.Equal(CliApp.Usage, inVietnamese.Exit);
        Assert.Contains(vi, inVietnamese.Error, StringComparison.Ordinal);
        Assert.Equal(CliApp.Usage, inEnglish.Exit);
        Assert.Contains(en, inEnglish.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists("no-report"));
        Assert.False(File.Exists("no-form.xlsx"));
    }

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run([.. args, "--db", Path.Combine(_temp.Path, "w.duckdb")], output, error, TimeProvider.System);
        return (exit, output.ToString(), error.ToString());
    }
}
