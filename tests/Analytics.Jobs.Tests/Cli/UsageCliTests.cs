using System.CommandLine;
using Analytics.Jobs.Cli;

namespace Analytics.Jobs.Tests.Cli;

/// <summary>
/// Every command of the tree, found from the tree itself: a usage error (an unknown option, a value
/// outside the allowed ones, a missing required option or argument) exits 2 naming the mistake, and
/// --help works in Vietnamese and in English.
/// </summary>
public sealed class UsageCliTests : IDisposable
{
    private readonly TempFolder _temp = new("analytics-usage-");

    public void Dispose() => _temp.Dispose();

    private static RootCommand Tree(bool english) => CliApp.Build(new CliContext(TextWriter.Null, TextWriter.Null, TimeProvider.System, english));

    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in Help.Leaves(Tree(false))) data.Add(path);
        return data;
    }

    private static Command Find(string path, bool english = false) => Help.Leaves(Tree(english)).Single(l => l.Path == path).Command;

    private (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        // A --db that does not exist: nothing may be created by a command refused for its usage.
        var exit = CliApp.Run([.. args, "--db", Path.Combine(_temp.Path, "none", "w.duckdb")], output, error, TimeProvider.System);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "none")));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void The_tree_has_every_documented_command()
    {
        Assert.Equal(
            ["demo", "sample", "units import", "ingest", "template", "completeness", "report", "sql", "metric", "trend", "attainment", "refresh", "info", "serve", "user add"],
            Help.Leaves(Tree(false)).Select(l => l.Path));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void An_unknown_option_exits_2_and_is_named_in_the_users_language(string path)
    {
        string[] words = [.. path.Split(' '), "--no-such-option"];
        var vi = Run(words);
        var en = Run([.. words, "--lang", "en"]);

        Assert.Equal(CliApp.Usage, vi.Exit);
        Assert.Contains("không có tùy chọn --no-such-option", vi.Error, StringComparison.Ordinal);
        Assert.Contains($"(./analytics {path} --help)", vi.Error, StringComparison.Ordinal);
        Assert.Equal(CliApp.Usage, en.Exit);
        Assert.Contains("unknown option --no-such-option", en.Error, StringComparison.Ordinal);
        Assert.Equal("", vi.Output + en.Output);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_value_outside_the_allowed_ones_exits_2(string path)
    {
        var command = Find(path);
        var choices = command.Options.Where(o => o.HelpName?.Contains('|', StringComparison.Ordinal) == true).ToList();
        // A year (trend --from/--to) is an int read by the period parser, so it is refused like a period.
        var numbers = command.Options.Where(o => o.ValueType == typeof(int) && o.HelpName != "YEAR").ToList();
        // Every command is checked with --lang too, the global option with allowed values.
        foreach (var option in choices.Append(Tree(false).Options.Single(o => o.Name == "--lang")))
        {
            var result = Run([.. path.Split(' '), option.Name, "bogus"]);
            Assert.True(result.Exit == CliApp.Usage, $"{path} {option.Name} bogus: exit {result.Exit}\n{result.Error}");
            Assert.Contains($"{option.Name} phải là", result.Error, StringComparison.Ordinal);
            Assert.Contains("'bogus'", result.Error, StringComparison.Ordinal);
        }
        foreach (var option in command.Options.Where(o => o.ValueType == typeof(DateOnly?) || o.ValueType == typeof(DateTime?) || o.Name == "--period" || o.HelpName == "YEAR"))
        {
            var result = Run([.. path.Split(' '), option.Name, "someday"]);
            Assert.True(result.Exit == CliApp.Usage, $"{path} {option.Name} someday: exit {result.Exit}\n{result.Error}");
            Assert.Contains("someday", result.Error, StringComparison.Ordinal);
        }
        foreach (var option in numbers)
        {
            var result = Run([.. path.Split(' '), option.Name, "many", "--lang", "en"]);
            Assert.True(result.Exit == CliApp.Usage, $"{path} {option.Name} many: exit {result.Exit}\n{result.Error}");
            Assert.Contains($"{option.Name} must be a whole number", result.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_missing_required_option_or_argument_exits_2_and_each_is_named(string path)
    {
        var command = Find(path);
        var required = command.Options.Where(o => o.Required).Select(o => o.Name)
            .Concat(command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0).Select(a => a.Name)).ToList();
        if (required.Count == 0) return; // info, refresh, serve, demo: nothing is required, so running bare would do the work.

        var vi = Run(path.Split(' '));
        var en = Run([.. path.Split(' '), "--lang", "en"]);

        Assert.Equal(CliApp.Usage, vi.Exit);
        Assert.Equal(CliApp.Usage, en.Exit);
        foreach (var name in required)
        {
            Assert.Contains($"thiếu {name}", vi.Error, StringComparison.Ordinal);
            Assert.Contains(name.StartsWith('-') ? $"{name} {command.Options.Single(o => o.Name == name).HelpName} is required" : $"missing {name}", en.Error, StringComparison.Ordinal);
        }
        Assert.Contains("usage: ./analytics " + path, en.Error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Help_works_in_Vietnamese_and_in_English_for_every_command(string path)
    {
        foreach (var english in new[] { false, true })
        {
            var command = Find(path, english);
            string[] args = english ? [.. path.Split(' '), "--help", "--lang", "en"] : [.. path.Split(' '), "--help"];
            var (exit, output, error) = Run(args);

            Assert.Equal(CliApp.Ok, exit);
            Assert.Equal("", error);
            Assert.StartsWith((english ? "Usage: ./analytics " : "Cách dùng: ./analytics ") + path, output, StringComparison.Ordinal);
            Assert.Contains(command.Description!.Split('\n')[0], output, StringComparison.Ordinal);
            foreach (var option in command.Options.Where(o => !o.Recursive)) Assert.Contains(option.Name, output, StringComparison.Ordinal);
            foreach (var name in new[] { "--db PATH", "--lang vi|en", "--help" }) Assert.Contains(name, output, StringComparison.Ordinal);
            Assert.Contains(english ? "Global options:" : "Tùy chọn chung:", output, StringComparison.Ordinal);
            Assert.DoesNotContain(english ? "Tùy chọn" : "Options:", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_overview_lists_every_command_and_a_bare_call_is_a_usage_error()
    {
        var help = Run("--help");
        var bare = new StringWriter();
        var bareExit = CliApp.Run([], bare, new StringWriter(), TimeProvider.System);
        var english = Run("help", "--lang", "en");

        Assert.Equal(CliApp.Ok, help.Exit);
        Assert.Equal(CliApp.Usage, bareExit);
        Assert.Equal(help.Output, bare.ToString());
        Assert.Contains("Các lệnh:", help.Output, StringComparison.Ordinal);
        Assert.Contains("Commands:", english.Output, StringComparison.Ordinal);
        foreach (var (path, _) in Help.Leaves(Tree(false)))
        {
            Assert.Contains($"\n  {path} ", help.Output, StringComparison.Ordinal);
            Assert.Contains($"\n  {path} ", english.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_unknown_command_exits_2_and_points_to_the_list()
    {
        var (exit, _, error) = Run("metrik");
        Assert.Equal(CliApp.Usage, exit);
        Assert.Contains("không có lệnh 'metrik'", error, StringComparison.Ordinal);
        var units = Run("units");
        Assert.Equal(CliApp.Usage, units.Exit);
        Assert.Contains("units import", units.Error, StringComparison.Ordinal);
        var bare = Run();
        Assert.Equal(CliApp.Usage, bare.Exit);
        Assert.Contains("hãy cho tên lệnh", bare.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_argument_starting_with_at_is_a_path_not_a_response_file()
    {
        var (exit, _, error) = Run("ingest", "@submissions");
        Assert.Equal(CliApp.Usage, exit);
        Assert.Contains("không có tệp hay thư mục '@submissions'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_language_comes_from_ANALYTICS_LANG_when_there_is_no_lang_option()
    {
        var english = CliProcess.Run(new Dictionary<string, string> { ["ANALYTICS_LANG"] = "en" }, "trend", "--help");
        var vietnamese = CliProcess.Run(new Dictionary<string, string> { ["ANALYTICS_LANG"] = "en" }, "trend", "--help", "--lang", "vi");

        Assert.Equal(0, english.ExitCode);
        Assert.StartsWith("Usage: ./analytics trend INDICATOR --unit CODE --from YEAR --to YEAR", english.Output, StringComparison.Ordinal);
        Assert.StartsWith("Cách dùng: ./analytics trend", vietnamese.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_names_the_program_and_DuckDB()
    {
        var output = new StringWriter();
        var exit = CliApp.Run(["--version"], output, new StringWriter(), TimeProvider.System);
        Assert.Equal(CliApp.Ok, exit);
        Assert.Matches(@"^analytics \d+\.\d+\.\d+\.\d+ \(DuckDB v\d+\.\d+", output.ToString());
    }
}
