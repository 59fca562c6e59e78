using Analytics.Jobs.Cli;

namespace Analytics.Jobs.Tests.Cli;

/// <summary>Commands that read refuse a --db that holds no warehouse, in the user's language, and create nothing there.</summary>
public sealed class MissingWarehouseCliTests : IDisposable
{
    private readonly TempFolder _temp = new("analytics-nowarehouse-");

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string[]> ReadingCommands => new()
    {
        new[] { "metric", "members", "--unit", "THA", "--period", "2024" },
        new[] { "trend", "members", "--unit", "THA", "--from", "2021", "--to", "2024" },
        new[] { "attainment", "--plan", "002" },
        new[] { "completeness", "--period", "2024-Q1" },
        new[] { "info" },
        new[] { "refresh" },
        new[] { "sql", "SELECT 1" },
        new[] { "template", "--unit", "THA", "--period", "2024-Q1", "--out", "form.xlsx" },
    };

    [Theory]
    [MemberData(nameof(ReadingCommands))]
    public void AReadingCommandRefusesAMissingWarehouseAndCreatesNone(string[] command)
    {
        var db = Path.Combine(_temp.Path, "typo", "w.duckdb");
        var (exitVi, errorVi) = Run([.. command, "--db", db]);
        var (exitEn, errorEn) = Run([.. command, "--db", db, "--lang", "en"]);

        Assert.Equal(CliApp.Usage, exitVi);
        Assert.Contains($"chưa có kho dữ liệu tại {db}", errorVi, StringComparison.Ordinal);
        Assert.Equal(CliApp.Usage, exitEn);
        Assert.Contains($"there is no warehouse at {db}", errorEn, StringComparison.Ordinal);
        Assert.False(File.Exists(db));
        Assert.False(Directory.Exists(Path.GetDirectoryName(db)));
    }

    private static (int Exit, string Error) Run(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, output, error, TimeProvider.System);
        return (exit, error.ToString());
    }
}
