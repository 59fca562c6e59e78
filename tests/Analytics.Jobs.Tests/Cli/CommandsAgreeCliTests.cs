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
