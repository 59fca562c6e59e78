using System.Text.Json;
using Analytics.Jobs.Cli;

namespace Analytics.Jobs.Tests.Cli;

/// <summary>`analytics completeness` on a hand-made registry, run in-process against a real warehouse file.</summary>
public sealed class CompletenessCliTests : IDisposable
{
    private readonly TempFolder _temp = new("analytics-completeness-");

    public CompletenessCliTests()
    {
        Run("units", "import", Write("units.csv", """
            unit_code,name,parent_code,level,sector,valid_from,valid_to,successor_code
            TLD,Tổng Liên đoàn Lao động Việt Nam,,0,,2015-01-01,,
            HNI,LĐLĐ Thành phố Hà Nội,TLD,1,,2015-01-01,,
            HNI-GLM,LĐLĐ huyện Gia Lâm,HNI,2,,2015-01-01,,
            HNI-LBN,LĐLĐ quận Long Biên,HNI,2,,2015-01-01,,
            GLM-A,CĐCS A,HNI-GLM,3,private,2019-01-01,,
            LBN-B,CĐCS B,HNI-LBN,3,soe,2019-01-01,,
            """));
        // Gia Lâm sends March on time (due before 5 April) and its union sends the quarter late (due before 15 March).
        Run("ingest", Write("glm.csv", "unit_code,period,indicator,value\nHNI-GLM,2024-03,cdcs_founded,1\n"), "--received-at", "2024-04-02");
        Run("ingest", Write("a.csv", "unit_code,period,indicator,value\nGLM-A,2024-Q1,workers,40\n"), "--received-at", "2024-03-20");
    }

    public void Dispose() => _temp.Dispose();

    private string Db => Path.Combine(_temp.Path, "w.duckdb");

    private string Write(string name, string text) => _temp.Write(name, text);

    private string Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run([.. args, "--db", Db], output, error, TimeProvider.System);
        Assert.True(exit == CliApp.Ok, $"{string.Join(' ', args)}: exit {exit}\n{output}\n{error}");
        return output.ToString();
    }

    [Fact]
    public void A_month_names_the_unions_above_grassroots_as_the_reporters_and_lists_the_missing_district()
    {
        var table = Run("completeness", "--period", "2024-03", "--unit", "HNI", "--as-of", "2024-04-30");
        Assert.Contains("Đơn vị phải nộp: công đoàn cấp trên trực tiếp cơ sở", table, StringComparison.Ordinal);
        Assert.Contains("Đơn vị nộp trễ hoặc chưa nộp:", table, StringComparison.Ordinal);
        Assert.DoesNotContain("CĐCS", table, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(Run("completeness", "--period", "2024-03", "--unit", "HNI", "--as-of", "2024-04-30", "--format", "json"));
        var root = json.RootElement;
        Assert.Equal("upper", root.GetProperty("reporters").GetString());
        var hni = root.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unit").GetString() == "HNI");
        Assert.Equal((2, 1, 1), (hni.GetProperty("expected").GetInt32(), hni.GetProperty("on_time").GetInt32(), hni.GetProperty("missing").GetInt32()));
        var missing = Assert.Single(root.GetProperty("late_or_missing").EnumerateArray());
        Assert.Equal(("HNI-LBN", "missing"), (missing.GetProperty("unit").GetString(), missing.GetProperty("status").GetString()));
    }

    [Fact]
    public void A_quarter_still_names_the_grassroots_unions()
    {
        var table = Run("completeness", "--period", "2024-Q1", "--unit", "HNI", "--as-of", "2024-04-30");
        Assert.Contains("Đơn vị phải nộp: công đoàn cơ sở (CĐCS)", table, StringComparison.Ordinal);
        Assert.Contains("CĐCS nộp trễ hoặc chưa nộp:", table, StringComparison.Ordinal);

        var english = Run("completeness", "--period", "2024-Q1", "--unit", "HNI", "--as-of", "2024-04-30", "--lang", "en");
        Assert.Contains("Expected to report: grassroots unions", english, StringComparison.Ordinal);
        Assert.Contains("Late and missing grassroots units:", english, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(Run("completeness", "--period", "2024-Q1", "--unit", "HNI", "--as-of", "2024-04-30", "--format", "json"));
        var hni = json.RootElement.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("unit").GetString() == "HNI");
        Assert.Equal((2, 1, 1), (hni.GetProperty("expected").GetInt32(), hni.GetProperty("late").GetInt32(), hni.GetProperty("missing").GetInt32()));
    }

    [Fact]
    public void Every_expected_reporter_is_listed_with_its_status_in_csv_and_json()
    {
        // A refused file from the missing union: it stays missing in the counts, and reads "refused" in the list.
        var refused = Path.Combine(_temp.Path, "b.csv");
        File.WriteAllText(refused, "unit_code,period,indicator,value\nLBN-B,2024-Q1,workers,-5\n");
        var output = new StringWriter();
        CliApp.Run(["ingest", refused, "--received-at", "2024-04-01", "--db", Db], output, new StringWriter(), TimeProvider.System);

        var csv = Run("completeness", "--period", "2024-Q1", "--unit", "HNI", "--as-of", "2024-04-30", "--list", "reporters", "--format", "csv", "--lang", "en")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("unit,name,parent,status,received,refused", csv[0]);
        Assert.Equal(3, csv.Length);
        Assert.StartsWith("GLM-A,CĐCS A,HNI-GLM,late,2024-03-20", csv[1], StringComparison.Ordinal);
        Assert.Equal("LBN-B,CĐCS B,HNI-LBN,refused,,1", csv[2]);

        using var json = JsonDocument.Parse(Run("completeness", "--period", "2024-Q1", "--unit", "HNI", "--as-of", "2024-04-30", "--format", "json"));
        var reporters = json.RootElement.GetProperty("expected_reporters").EnumerateArray()
            .Select(r => (r.GetProperty("unit").GetString(), r.GetProperty("status").GetString())).ToList();
        Assert.Equal([("GLM-A", "late"), ("LBN-B", "refused")], reporters);

        var table = Run("completeness", "--period", "2024-Q1", "--unit", "HNI", "--as-of", "2024-04-30", "--list", "reporters");
        Assert.Contains("trễ hạn", table, StringComparison.Ordinal);
        Assert.Contains("bị từ chối", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Received_times_read_in_Vietnam_time_in_tables_and_in_marked_UTC_for_machines()
    {
        // GLM-A's file came in at 2024-03-20 00:00 UTC, which is 07:00 in Hà Nội.
        string[] args = ["completeness", "--period", "2024-Q1", "--unit", "HNI", "--as-of", "2024-04-30", "--list", "reporters"];

        var table = Run(args);
        Assert.Contains("(giờ Việt Nam", table, StringComparison.Ordinal);
        Assert.Contains("ngày nhận (giờ Việt Nam)", table, StringComparison.Ordinal);
        Assert.Contains("20/03/2024 07:00", table, StringComparison.Ordinal);
        Assert.Contains("received (Vietnam time)", Run([.. args, "--lang", "en"]), StringComparison.Ordinal);

        var csv = Run([.. args, "--format", "csv"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("mã đơn vị,tên đơn vị,cấp trên,tình trạng,ngày nhận,bị từ chối", csv[0]);
        Assert.Equal("GLM-A,CĐCS A,HNI-GLM,late,2024-03-20T00:00:00Z,0", csv[1]);

        using var json = JsonDocument.Parse(Run("completeness", "--period", "2024-Q1", "--unit", "HNI", "--as-of", "2024-04-30", "--format", "json"));
        var glm = json.RootElement.GetProperty("expected_reporters").EnumerateArray().Single(r => r.GetProperty("unit").GetString() == "GLM-A");
        Assert.Equal(new DateTimeOffset(2024, 3, 20, 0, 0, 0, TimeSpan.Zero), glm.GetProperty("received_at").GetDateTimeOffset());
        Assert.EndsWith("+00:00", glm.GetProperty("received_at").GetString(), StringComparison.Ordinal);
    }
}
