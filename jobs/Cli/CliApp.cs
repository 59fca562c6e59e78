using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Analytics.Warehouse.Store;

namespace Analytics.Jobs.Cli;

/// <summary>
/// The `analytics` command line on System.CommandLine. Exit codes: 0 success, 1 the work ran but
/// something was refused or failed, 2 a usage error (unknown command or option, a missing or bad
/// value, an unknown name) in every command.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Refused = 1;
    public const int Usage = 2;

    /// <summary>
    /// Runs one command line in this process with the given writers and clock (the program's entry
    /// point, and the tests'). The language is decided from the arguments and ANALYTICS_LANG first, so
    /// the whole command tree, its help and its messages are built in it.
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider clock)
    {
        var cli = new CliContext(output, error, clock, CliContext.AsksForEnglish(args)) { CommandLine = args };
        var root = Build(cli);
        var help = new Help(cli);
        if (args.Length == 0)
        {
            help.WriteOverview(root);
            return Usage;
        }
        // `analytics help [COMMAND]` reads as `analytics [COMMAND] --help`.
        if (args[0] == "help") args = [.. args[1..], "--help"];

        // No response files: an argument starting with @ is a file name or a word, as it was.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Action is ParseErrorAction)
        {
            ReportErrors(cli, help, parse);
            return Usage;
        }
        var name = Help.PathOf(parse.CommandResult.Command);
        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
                // Ctrl+C is the command's own business (serve stops its host; a load rolls back).
                ProcessTerminationTimeout = null,
            });
        }
        catch (UsageException e)
        {
            error.WriteLine($"analytics {name}: {e.Message}");
            error.WriteLine(cli.T("cách dùng: ", "usage: ") + help.Usage(parse.CommandResult.Command) + $"   (./analytics {name} --help)");
            return Usage;
        }
        catch (Exception e) when (e is System.Data.Common.DbException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"analytics {name}: {e.Message}");
            return Refused;
        }
    }

    /// <summary>The command tree, every description in the run's language.</summary>
    public static RootCommand Build(CliContext cli)
    {
        var root = new RootCommand(cli.T(
            "analytics — kho dữ liệu báo cáo và phân tích của tổ chức Công đoàn Việt Nam",
            "analytics — the reporting and analytics warehouse for Vietnamese trade unions"));
        root.Add(cli.Db);
        root.Add(cli.Lang);
        var helpOption = root.Options.OfType<HelpOption>().Single();
        helpOption.Description = cli.T("cho biết cách dùng lệnh", "show help for the command");
        helpOption.Action = new Help(cli);
        var version = root.Options.OfType<VersionOption>().Single();
        version.Description = cli.T("phiên bản của chương trình và của DuckDB", "the program's and DuckDB's versions");
        version.Action = new VersionAction(cli);

        root.Add(DemoCommand.Build(cli));
        root.Add(SampleCommand.Build(cli));
        var units = new Command("units", cli.T("Danh mục đơn vị", "The unit registry"));
        units.Add(UnitsCommands.BuildImport(cli));
        root.Add(units);
        root.Add(IngestCommand.Build(cli));
        root.Add(TemplateCommand.Build(cli));
        root.Add(CompletenessCommand.Build(cli));
        root.Add(ReportCommand.Build(cli));
        root.Add(SqlCommand.Build(cli));
        root.Add(MetricCommand.Build(cli));
        root.Add(TrendCommand.Build(cli));
        root.Add(AttainmentCommand.Build(cli));
        root.Add(RefreshCommand.Build(cli));
        root.Add(InfoCommand.Build(cli));
        root.Add(ServeCommand.Build(cli));
        var user = new Command("user", cli.T("Người dùng trang web", "Users of the web page"));
        user.Add(UserCommand.Build(cli));
        root.Add(user);
        return root;
    }

    /// <summary>Sets a command's work: it gets the parsed command line with the run's writers, clock and language.</summary>
    internal static Command Runs(this Command command, CliContext cli, Func<CommandRun, int> work)
    {
        command.SetAction(parse => work(new CommandRun(cli, parse)));
        return command;
    }

    /// <summary>Each parse error once, in the run's language, then the command's usage.</summary>
    private static void ReportErrors(CliContext cli, Help help, ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var name = Help.PathOf(command);
        var unmatched = parse.UnmatchedTokens.ToList();
        if (command is RootCommand)
        {
            var word = unmatched.FirstOrDefault(t => !t.StartsWith('-'));
            cli.Error.WriteLine((word, unmatched.Count) switch
            {
                (not null, _) => cli.T($"analytics: không có lệnh '{word}'. Chạy ./analytics --help để xem danh sách.",
                    $"analytics: unknown command '{word}'. Run ./analytics --help for the list."),
                (null, > 0) => cli.T($"analytics: không có tùy chọn {unmatched[0]} ở đây; hãy bắt đầu bằng tên lệnh. Chạy ./analytics --help để xem danh sách.",
                    $"analytics: unknown option {unmatched[0]} here; start with a command. Run ./analytics --help for the list."),
                _ => cli.T("analytics: hãy cho tên lệnh. Chạy ./analytics --help để xem danh sách.",
                    "analytics: say which command. Run ./analytics --help for the list."),
            });
            return;
        }
        var messages = new List<string>();
        foreach (var e in parse.Errors)
        {
            var message = cli.IsOwnError(e.Message) ? e.Message : Translate(cli, command, e, unmatched);
            if (!messages.Contains(message)) messages.Add(message);
        }
        foreach (var message in messages) cli.Error.WriteLine($"analytics {name}: {message}");
        cli.Error.WriteLine(cli.T("cách dùng: ", "usage: ") + help.Usage(command) + $"   (./analytics {name} --help)");
    }

    /// <summary>A parse error System.CommandLine found, said again in the run's language.</summary>
    private static string Translate(CliContext cli, Command command, ParseError e, List<string> unmatched)
    {
        switch (e.SymbolResult)
        {
            case OptionResult o when o.IdentifierTokenCount == 0:
                return cli.T($"thiếu {o.Option.Name} {o.Option.HelpName} (bắt buộc).", $"{o.Option.Name} {o.Option.HelpName} is required.");
            case OptionResult o when o.Tokens.Count == 0:
                return cli.T($"{o.Option.Name} cần một giá trị ({o.Option.HelpName}).", $"{o.Option.Name} needs a value ({o.Option.HelpName}).");
            case OptionResult o when o.IdentifierTokenCount > 1 && o.Option.Arity.MaximumNumberOfValues == 1:
                return cli.T($"{o.Option.Name} chỉ được cho một lần.", $"{o.Option.Name} given twice.");
            case OptionResult o:
                return cli.T($"{o.Option.Name}: giá trị '{string.Join(' ', o.Tokens.Select(t => t.Value))}' không dùng được ({o.Option.HelpName}).",
                    $"{o.Option.Name}: '{string.Join(' ', o.Tokens.Select(t => t.Value))}' is not a valid value ({o.Option.HelpName}).");
            case ArgumentResult a when a.Tokens.Count < a.Argument.Arity.MinimumNumberOfValues:
            {
                var label = a.Argument.HelpName is { } values ? $"{a.Argument.Name} ({values})" : a.Argument.Name;
                return cli.T($"thiếu {label}: {a.Argument.Description}.", $"missing {label}: {a.Argument.Description}.");
            }
            case ArgumentResult a:
                return cli.T($"{a.Argument.Name}: giá trị '{string.Join(' ', a.Tokens.Select(t => t.Value))}' không dùng được.",
                    $"{a.Argument.Name}: '{string.Join(' ', a.Tokens.Select(t => t.Value))}' is not a valid value.");
        }
        if (unmatched.FirstOrDefault(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal)) is { } token)
            return token.StartsWith('-')
                ? cli.T($"không có tùy chọn {token}.", $"unknown option {token}.")
                : cli.T($"thừa đối số '{token}'.", $"unexpected argument '{token}'.");
        if (command.Subcommands.Count > 0)
            return cli.T($"hãy nói lệnh nào: {string.Join(", ", command.Subcommands.Select(c => $"{command.Name} {c.Name}"))}.",
                $"say which: {string.Join(", ", command.Subcommands.Select(c => $"{command.Name} {c.Name}"))}.");
        return e.Message;
    }

    /// <summary>--version: the program's version and the DuckDB library it runs.</summary>
    private sealed class VersionAction(CliContext cli) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            cli.Out.WriteLine($"analytics {typeof(CliApp).Assembly.GetName().Version} (DuckDB {DuckDbDatabase.LibraryVersion})");
            return Ok;
        }
    }
}
