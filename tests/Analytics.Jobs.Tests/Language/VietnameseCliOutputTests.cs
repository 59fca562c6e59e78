using Analytics.Jobs.Cli;
using Analytics.Jobs.Tests.Cli;
using Analytics.Tests.Shared;

namespace Analytics.Jobs.Tests.Language;

/// <summary>
/// What a Vietnamese user reads from the command line holds no English sentence: every command's help,
/// the overview, usage errors, unknown names, a refused file and a refused SQL statement, and the
/// figures and tables of the reading commands (tests/Shared/EnglishInVietnamese.cs; codes allowed).
/// </summary>
public sealed class VietnameseCliOutputTests : IDisposable
{
    private readonly TempFolder _temp = new("analytics-vi-out-");

    public void Dispose() => _temp.Dispose();

    private string Db => Path.Combine(_temp.Path, "w.duckdb");

    private string Run(params string[] args)
    {
        var (output, error) = InProcessCli.Run(Db, args);
        // DuckDB's own message is quoted after "DuckDB:" for analysts, as it came; the words before it are ours.
        return output + "\n" + string.Join('\n', error.Split('\n').Select(l => l.Split("DuckDB:")[0]));
    }

    [Fact]
    public void EveryMessageOfAVietnameseRunIsVietnamese()
    {
        var texts = new List<(string, string)>();
        void Add(params string[] args) => texts.Add((string.Join(' ', args), Run(args)));

        Add("units", "import", _temp.Write("units.csv", """
            unit_code,name,parent_code,level,sector,valid_from,valid_to,successor_code
            TLD,Tổng Liên đoàn Lao động Việt Nam,,0,,2015-01-01,,
            HNI,LĐLĐ Thành phố Hà Nội,TLD,1,,2015-01-01,,
            HNI-GLM,LĐLĐ huyện Gia Lâm,HNI,2,,2015-01-01,,
            GLM-A,CĐCS A,HNI-GLM,3,private,2019-01-01,,
            GLM-B,CĐCS B,HNI-GLM,3,private,2019-01-01,2025-06-30,GLM-A
            """));
        Add("ingest", _temp.Write("a.csv", "unit_code,period,indicator,value\nGLM-A,2024-Q1,members,40\nGLM-A,2024-Q1,workers,50\n"), "--received-at", "2024-04-10");
        Add("ingest", _temp.Write("bad.csv", "unit_code,period,indicator,value\nGLM-A,2024-Q1,members,-3\nXYZ,2024-Q1,members,4\n"));
        Add("ingest", Path.Combine(_temp.Path, "missing.csv"));
        Add("refresh");
        Add("info");
        Add("metric", "membership_rate", "--unit", "HNI", "--period", "Quý I/2024");
        Add("metric", "members", "--unit", "GLM-B", "--period", "2025-Q3");
        Add("metric", "member", "--unit", "HNI", "--period", "2024");
        Add("metric", "members", "--unit", "HNI", "--period", "2024-Q5");
        Add("trend", "members", "--unit", "HNI", "--from", "2023", "--to", "2024");
        Add("attainment", "--plan", "004", "--unit", "HNI");
        Add("completeness", "--period", "2024-Q1", "--unit", "HNI");
        Add("completeness", "--period", "2024-Q1", "--unit", "XYZ");
        Add("attainment", "--plan", "999");
        Add("sql", "SELECT unit_code, name FROM dim_unit ORDER BY 1");
        Add("sql", "COPY dim_unit TO '/tmp/x.csv'");
        Add("metric", "--nope");
        Add("--help");
        foreach (var (path, _) in Help.Leaves(CliApp.Build(new CliContext(TextWriter.Null, TextWriter.Null, TimeProvider.System, false))))
            Add([.. path.Split(' '), "--help"]);

        Assert.Contains(texts, t => t.Item2.Contains("80,0", StringComparison.Ordinal));
        var hits = EnglishInVietnamese.FindAll(texts);
        Assert.True(hits.Count == 0, "English in a Vietnamese run:\n" + string.Join("\n", hits));
    }
}
