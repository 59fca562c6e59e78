using Analytics.Warehouse.Store;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Cli;

/// <summary>
/// The `analytics` command line. Exit codes: 0 success, 1 the work ran but something was refused
/// or failed, 2 a usage error (unknown command or option, missing value).
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int Refused = 1;
    public const int Usage = 2;

    /// <summary>Options every command accepts.</summary>
    public static readonly IReadOnlyList<OptionSpec> GlobalOptions =
    [
        new("--db", "PATH", "warehouse file", Env: "ANALYTICS_DB", Default: Analytics.Warehouse.Warehouse.DefaultPath),
        new("--lang", "vi|en", "language of messages and reports", Env: "ANALYTICS_LANG", Default: "vi"),
        new("--help", null, "show help for the command"),
    ];

    public static IReadOnlyList<CommandSpec> Commands { get; } =
    [
        DemoCommand.Spec,
        SampleCommand.Spec,
        UnitsCommands.Import,
        IngestCommand.Spec,
        TemplateCommand.Spec,
        CompletenessCommand.Spec,
        ReportCommand.Spec,
        SqlCommand.Spec,
        MetricCommand.Spec,
        TrendCommand.Spec,
        AttainmentCommand.Spec,
        RefreshCommand.Spec,
        InfoCommand.Spec,
        ServeCommand.Spec,
        UserCommand.Spec,
    ];

    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider clock)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            PrintOverview(args.Length > 1 ? args[1..] : [], output);
            return args.Length == 0 ? Usage : Ok;
        }
        if (args[0] is "--version")
        {
            output.WriteLine($"analytics {typeof(CliApp).Assembly.GetName().Version} (DuckDB {DuckDbDatabase.LibraryVersion})");
            return Ok;
        }

        var command = Commands
            .Where(c => Matches(c, args))
            .OrderByDescending(c => c.Name.Split(' ').Length)
            .FirstOrDefault();
        if (command is null)
        {
            error.WriteLine($"analytics: unknown command '{string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')))}'. Run ./analytics --help for the list.");
            return Usage;
        }

        try
        {
            var invocation = Parse(command, args[command.Name.Split(' ').Length..], output, error, clock);
            if (invocation.Has("--help"))
            {
                PrintHelp(command, output);
                return Ok;
            }
            var lang = invocation.Lang;
            if (lang is not ("vi" or "en")) throw new UsageException($"--lang must be vi or en, not '{lang}'.");
            return command.Run(invocation);
        }
        catch (UsageException e)
        {
            error.WriteLine($"analytics {command.Name}: {e.Message}");
            error.WriteLine($"usage: {command.Usage}   (./analytics {command.Name} --help)");
            return Usage;
        }
        catch (System.Data.Common.DbException e)
        {
            error.WriteLine($"analytics {command.Name}: {e.Message}");
            return Refused;
        }
        catch (IOException e)
        {
            error.WriteLine($"analytics {command.Name}: {e.Message}");
            return Refused;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"analytics {command.Name}: {e.Message}");
            return Refused;
        }
    }

    internal static OptionSpec? FindOption(CommandSpec command, string name) =>
        command.Options.FirstOrDefault(o => o.Name == name) ?? GlobalOptions.FirstOrDefault(o => o.Name == name);

    private static bool Matches(CommandSpec command, string[] args)
    {
        var words = command.Name.Split(' ');
        return args.Length >= words.Length && words.Select((w, i) => args[i] == w).All(x => x);
    }

    private static Invocation Parse(CommandSpec command, string[] rest, TextWriter output, TextWriter error, TimeProvider clock)
    {
        var positional = new List<string>();
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < rest.Length; i++)
        {
            var arg = rest[i];
            if (arg == "--")
            {
                positional.AddRange(rest[(i + 1)..]);
                break;
            }
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                positional.Add(arg);
                continue;
            }
            var name = arg;
            string? inlineValue = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                name = arg[..eq];
                inlineValue = arg[(eq + 1)..];
            }
            var spec = FindOption(command, name) ?? throw new UsageException($"unknown option {name}.");
            if (!options.TryGetValue(name, out var values)) options[name] = values = [];
            if (spec.IsFlag)
            {
                if (inlineValue is not null) throw new UsageException($"{name} takes no value.");
                values.Add("true");
                continue;
            }
            var value = inlineValue ?? (i + 1 < rest.Length ? rest[++i] : throw new UsageException($"{name} needs a value ({spec.ValueName})."));
            if (!spec.Repeatable && values.Count > 0) throw new UsageException($"{name} given twice.");
            values.Add(value);
        }
        return new Invocation(command, positional, options, output, error, clock);
    }

    private static void PrintOverview(string[] topic, TextWriter output)
    {
        if (topic.Length > 0 && Commands.FirstOrDefault(c => Matches(c, topic)) is { } command)
        {
            PrintHelp(command, output);
            return;
        }
        output.WriteLine("analytics — the reporting and analytics warehouse for Vietnamese trade unions");
        output.WriteLine();
        output.WriteLine("usage: ./analytics COMMAND [options]");
        output.WriteLine();
        output.WriteLine("commands:");
        var width = Commands.Max(c => c.Name.Length) + 2;
        foreach (var c in Commands) output.WriteLine($"  {c.Name.PadRight(width)}{c.Summary}");
        output.WriteLine();
        output.WriteLine("global options:");
        foreach (var o in GlobalOptions) output.WriteLine(FormatOption(o));
        output.WriteLine();
        output.WriteLine("./analytics COMMAND --help shows a command's options. Exit codes: 0 ok, 1 refused or failed, 2 usage error.");
    }

    private static void PrintHelp(CommandSpec command, TextWriter output)
    {
        output.WriteLine($"usage: {command.Usage}");
        output.WriteLine();
        output.WriteLine(command.Summary);
        if (command.Details is not null)
        {
            output.WriteLine();
            output.WriteLine(command.Details);
        }
        if (command.Options.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("options:");
            foreach (var o in command.Options) output.WriteLine(FormatOption(o));
        }
        output.WriteLine();
        output.WriteLine("global options:");
        foreach (var o in GlobalOptions) output.WriteLine(FormatOption(o));
    }

    private static string FormatOption(OptionSpec o)
    {
        var left = o.IsFlag ? o.Name : $"{o.Name} {o.ValueName}";
        var extra = new List<string>();
        if (o.Default is not null) extra.Add($"default {o.Default}");
        if (o.Env is not null) extra.Add($"env {o.Env}");
        return $"  {left,-26}{o.Help}{(extra.Count > 0 ? $" ({string.Join(", ", extra)})" : "")}";
    }
}
