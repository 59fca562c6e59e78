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

    // One grassroots union, GLM-A, under Gia Lâm (plan 004's issuer) in Hà Nội.
    private void ImportGiaLam() => Run("units", "import", _temp.Write("units.csv", """
        unit_code,name,parent_code,level,sector,valid_from,valid_to,successor_code
        TLD,Tổng Liên đoàn Lao động Việt Nam,,0,,2015-01-01,,
        HNI,LĐLĐ Thành phố Hà Nội,TLD,1,,2015-01-01,,
        HNI-GLM,LĐLĐ huyện Gia Lâm,HNI,2,,2015-01-01,,
        GLM-A,CĐCS A,HNI-GLM,3,private,2019-01-01,,
        """));

    /// <summary>
    /// Attainment in both languages: a table shows a share target's actual, target and the actual/target
    /// ratio as percentages with the sign and the language's decimal mark; CSV keeps the fractions analysts
    /// compute with. Worked by hand: 40 members of 50 workers is 80 % against plan 004's 95 % (T32).
    /// </summary>
    [Fact]
    public void Attainment_shows_shares_as_percentages_in_tables_and_fractions_in_csv()
    {
        ImportGiaLam();
        Run("ingest", _temp.Write("a.csv", "unit_code,period,indicator,value\nGLM-A,2024,members,40\nGLM-A,2024,workers,50\n"), "--received-at", "2025-01-10");
        Run("refresh");

        static string Line(string text) => text.Split('\n').Single(l => l.Contains("004-T32", StringComparison.Ordinal));
        var vi = Line(Run("attainment", "--plan", "004", "--unit", "HNI-GLM", "--as-of", "2025-02-01"));
        Assert.Matches(@"\s80,0\s%\s", vi);
        Assert.Matches(@"\s95,0\s%\s", vi);
        Assert.Matches(@"\s84,2\s%\s", vi);
        var en = Line(Run("attainment", "--plan", "004", "--unit", "HNI-GLM", "--as-of", "2025-02-01", "--lang", "en"));
        Assert.Matches(@"\s80\.0\s%\s", en);
        Assert.Matches(@"\s95\.0\s%\s", en);
        var csv = Line(Run("attainment", "--plan", "004", "--unit", "HNI-GLM", "--as-of", "2025-02-01", "--format", "csv"));
        Assert.Contains(",0.8,40,50,0.95,", csv, StringComparison.Ordinal);
        Assert.Matches(@",0\.8,40,50,0\.95,[^,]*,0\.842\d*,", csv);

        // Completeness: the received share of a table carries its sign; CSV keeps its `received %` number.
        Assert.Matches(@"HNI-GLM .*\s100,0\s%", Run("completeness", "--period", "2024", "--unit", "HNI-GLM", "--as-of", "2025-02-01"));
        Assert.Matches(@"HNI-GLM .*\s100\.0\s%", Run("completeness", "--period", "2024", "--unit", "HNI-GLM", "--as-of", "2025-02-01", "--lang", "en"));
        Assert.Matches(@"HNI-GLM,.*,100$", Run("completeness", "--period", "2024", "--unit", "HNI-GLM", "--as-of", "2025-02-01", "--format", "csv").Split('\n').First(l => l.StartsWith("HNI-GLM,", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Metric and trend in both languages. Worked by hand: members 40 of 50 workers in 2023 (80 %) and 45 of 50
    /// in 2024 (90 %): the rate changes by 10 percentage points, 12,5 % of itself; members by 5, also 12,5 %.
    /// </summary>
    [Fact]
    public void Metric_and_trend_show_rates_as_percentages_and_their_changes_in_points()
    {
        ImportGiaLam();
        Run("ingest", _temp.Write("a.csv", "unit_code,period,indicator,value\nGLM-A,2023,members,40\nGLM-A,2023,workers,50\nGLM-A,2024,members,45\nGLM-A,2024,workers,50\n"), "--received-at", "2025-01-10");
        Run("refresh");

        static string Year(string text, string year) => text.Split('\n').Single(l => l.StartsWith(year + " ", StringComparison.Ordinal) || l.StartsWith(year + ",", StringComparison.Ordinal));
        var vi = Year(Run("trend", "membership_rate", "--unit", "HNI-GLM", "--from", "2023", "--to", "2024"), "2024");
        Assert.Matches(@"\s90,0\s%\s+45\s+50\s+10,0\sđiểm\s%\s+12,5\s%$", vi);
        var en = Year(Run("trend", "membership_rate", "--unit", "HNI-GLM", "--from", "2023", "--to", "2024", "--lang", "en"), "2024");
        Assert.Matches(@"\s90\.0\s%\s+45\s+50\s+10\.0\spp\s+12\.5\s%$", en);
        var csv = Year(Run("trend", "membership_rate", "--unit", "HNI-GLM", "--from", "2023", "--to", "2024", "--format", "csv"), "2024");
        var fields = csv.Split(',');
        Assert.Equal(["0.9", "45", "50"], fields[4..7]);
        Assert.Equal(0.1, double.Parse(fields[7], System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Equal(0.125, double.Parse(fields[8], System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Matches(@"\s5\s+12,5\s%$", Year(Run("trend", "members", "--unit", "HNI-GLM", "--from", "2023", "--to", "2024"), "2024"));

        Assert.Matches(@"membership_rate .*\s90,0\s%\s+45\s+50", Run("metric", "membership_rate", "--unit", "HNI-GLM", "--period", "2024"));
        Assert.Matches(@"membership_rate .*\s90\.0\s%\s+45\s+50", Run("metric", "membership_rate", "--unit", "HNI-GLM", "--period", "2024", "--lang", "en"));
    }
}
