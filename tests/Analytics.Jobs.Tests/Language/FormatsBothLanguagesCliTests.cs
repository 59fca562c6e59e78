using Analytics.Jobs.Tests.Cli;
using Analytics.Jobs.Tests.Service;

namespace Analytics.Jobs.Tests.Language;

public sealed class FormatsBothLanguagesCliTests : IDisposable
{
    private readonly TempFolder _temp = new("analytics-formats-");

    public void Dispose() => _temp.Dispose();

    private string Db => Path.Combine(_temp.Path, "w.duckdb");

    private string Run(params string[] args)
    {
        var (output, error) = InProcessCli.Run(Db, args);
        return output + "\n" + error;
    }

    /// <summary>
    /// The writing commands (ingest, refresh, info, sample) in both languages: numbers and durations take the
    /// language's separators, labels its words; the reading commands are checked in CommandsAgreeCliTests
    /// and TableOutputCliTests.
    /// </summary>
    [Fact]
    public void Ingest_refresh_info_and_sample_write_numbers_and_words_in_the_chosen_language()
    {
        Run("units", "import", _temp.Write("units.csv", SmallRegistry.Csv));

        var ingestVi = Run("ingest", _temp.Write("a.csv", "unit_code,period,indicator,value\nGLM-PRV,2024-Q1,members,12345\nGLM-PRV,2024-Q1,workers,23456\n"), "--received-at", "2024-04-10");
        Assert.Contains("chấp nhận", ingestVi, StringComparison.Ordinal);
        var ingestEn = Run("ingest", _temp.Write("b.csv", "unit_code,period,indicator,value\nGLM-PRV,2024-Q2,members,12400\n"), "--received-at", "2024-07-10", "--lang", "en");
        Assert.Contains("accepted", ingestEn, StringComparison.Ordinal);
        Assert.DoesNotContain("chấp nhận", ingestEn, StringComparison.Ordinal);

        Assert.Matches(@"^Đã làm mới: \d+ giá trị đơn vị, .* tính đến \d{2}/\d{2}/\d{4} trong \d+(,\d+)?\sgiây\.", Run("refresh"));
        Assert.Matches(@"^Refreshed: \d+ unit values, .* as of \d{4}-\d{2}-\d{2} in \d+(\.\d+)?\ss\.", Run("refresh", "--lang", "en"));

        var infoVi = Run("info");
        Assert.Matches(@"lược đồ +phiên bản \d+", infoVi);
        Assert.Matches(@"fact_value +3 dòng", infoVi);
        Assert.DoesNotContain("rows", infoVi, StringComparison.Ordinal);
        var infoEn = Run("info", "--lang", "en");
        Assert.Matches(@"schema +version \d+", infoEn);
        Assert.Matches(@"fact_value +3 rows", infoEn);
        Assert.Matches(@"submission +2 rows", infoEn);

        // The same sample in both languages: thousands and the duration follow the language.
        var sampleVi = Run("sample", "--out", Path.Combine(_temp.Path, "s-vi"));
        Assert.Matches(@"28\.885\sđoàn viên", sampleVi);
        Assert.Matches(@"2\.125 tệp, 10\.650 báo cáo .* trong \d+(,\d+)?\sgiây\.", sampleVi);
        var sampleEn = Run("sample", "--out", Path.Combine(_temp.Path, "s-en"), "--lang", "en");
        Assert.Matches(@"28,885\smembers", sampleEn);
        Assert.Matches(@"2,125 files, 10,650 submissions .* in \d+(\.\d+)?\ss\.", sampleEn);
    }
}
