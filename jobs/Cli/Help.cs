using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Analytics.Jobs.Cli;

/// <summary>
/// Help generated from the command tree, in the run's language: the usage line from the command's
/// arguments and required options, its description, then its options and the options every command
/// accepts. (System.CommandLine's own help has no Vietnamese, so the layout is written here.)
/// </summary>
public sealed class Help(CliContext cli) : SynchronousCommandLineAction
{
    /// <summary>--help works with any other arguments, even ones that would be errors.</summary>
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        if (command is RootCommand) WriteOverview(command);
        else Write(command);
        return CliApp.Ok;
    }

    /// <summary>The commands as users type them: "units import", not "units".</summary>
    public static IEnumerable<(string Path, Command Command)> Leaves(Command command, string prefix = "")
    {
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            var path = prefix.Length == 0 ? sub.Name : $"{prefix} {sub.Name}";
            if (sub.Subcommands.Count == 0) yield return (path, sub);
            else foreach (var leaf in Leaves(sub, path)) yield return leaf;
        }
    }

    /// <summary>The words of a command after ./analytics.</summary>
    public static string PathOf(Command command)
    {
        var words = new List<string>();
        for (Symbol? s = command; s is Command c and not RootCommand; s = s.Parents.FirstOrDefault()) words.Insert(0, c.Name);
        return string.Join(' ', words);
    }

    /// <summary>./analytics metric INDICATOR --unit CODE --period P [options]</summary>
    public string Usage(Command command)
    {
        var parts = new List<string> { "./analytics", PathOf(command) };
        if (command.Subcommands.Count > 0) parts.Add(string.Join('|', command.Subcommands.Select(c => c.Name)));
        foreach (var a in command.Arguments) parts.Add(ArgumentLabel(a));
        foreach (var o in command.Options.Where(o => o.Required)) parts.Add(OptionLabel(o));
        parts.Add(cli.T("[tùy chọn]", "[options]"));
        return string.Join(' ', parts.Where(p => p.Length > 0));
    }

    public void WriteOverview(Command root)
    {
        var output = cli.Out;
        output.WriteLine(root.Description);
        output.WriteLine();
        output.WriteLine(cli.T("Cách dùng: ./analytics LỆNH [tùy chọn]", "Usage: ./analytics COMMAND [options]"));
        output.WriteLine();
        output.WriteLine(cli.T("Các lệnh:", "Commands:"));
        Columns(output, Leaves(root).Select(l => (l.Path, FirstLine(l.Command.Description))));
        output.WriteLine();
        output.WriteLine(cli.T("Tùy chọn chung (mọi lệnh):", "Global options (every command):"));
        Columns(output, GlobalOptions(root).Concat(root.Options.OfType<VersionOption>()).Select(o => (OptionLabel(o), o.Description ?? "")));
        output.WriteLine();
        output.WriteLine(cli.T(
            "./analytics LỆNH --help cho biết đối số và tùy chọn của một lệnh. Mã thoát: 0 thành công, 1 bị từ chối hoặc lỗi, 2 dùng sai lệnh.",
            "./analytics COMMAND --help shows a command's arguments and options. Exit codes: 0 ok, 1 refused or failed, 2 usage error."));
    }

    public void Write(Command command)
    {
        var output = cli.Out;
        output.WriteLine(cli.T("Cách dùng: ", "Usage: ") + Usage(command));
        output.WriteLine();
        output.WriteLine(command.Description);
        if (command.Subcommands.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(cli.T("Các lệnh:", "Commands:"));
            Columns(output, Leaves(command, PathOf(command)).Select(l => (l.Path, FirstLine(l.Command.Description))));
        }
        if (command.Arguments.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(cli.T("Đối số:", "Arguments:"));
            Columns(output, command.Arguments.Select(a => (ArgumentLabel(a), a.Description ?? "")));
        }
        var own = command.Options.Where(o => !o.Recursive && o is not HelpOption and not VersionOption).ToList();
        if (own.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(cli.T("Tùy chọn:", "Options:"));
            Columns(output, own.Select(o => (OptionLabel(o), (o.Required ? cli.T("(bắt buộc) ", "(required) ") : "") + o.Description)));
        }
        output.WriteLine();
        output.WriteLine(cli.T("Tùy chọn chung:", "Global options:"));
        Columns(output, GlobalOptions(Root(command)).Select(o => (OptionLabel(o), o.Description ?? "")));
    }

    private static Command Root(Command command)
    {
        Command current = command;
        while (current.Parents.OfType<Command>().FirstOrDefault() is { } parent) current = parent;
        return current;
    }

    private static IEnumerable<Option> GlobalOptions(Command root) => root.Options.Where(o => o.Recursive);

    private static string OptionLabel(Option o)
    {
        var names = string.Join(", ", o.Aliases.Where(a => !a.StartsWith('/') && a != "-?").Order(StringComparer.Ordinal).Append(o.Name));
        return o.Arity.MaximumNumberOfValues == 0 ? names : $"{names} {o.HelpName ?? "VALUE"}";
    }

    private static string ArgumentLabel(Argument a)
    {
        var label = a.HelpName ?? a.Name;
        return a.Arity.MaximumNumberOfValues > 1 ? label + "..." : label;
    }

    private static string FirstLine(string? text) => (text ?? "").Split('\n', 2)[0];

    /// <summary>
    /// Two columns: names, then what they are. On a terminal the second column is wrapped at the
    /// terminal's width under itself; elsewhere each line is written whole.
    /// </summary>
    private static void Columns(TextWriter output, IEnumerable<(string Left, string Right)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0) return;
        var width = list.Max(r => r.Left.Length) + 2;
        var pad = new string(' ', width + 2);
        var room = Terminal.IsTerminal(output) ? Math.Max(Console.WindowWidth - width - 3, 30) : int.MaxValue;
        foreach (var (left, right) in list)
        {
            var lines = right.Split('\n').SelectMany(line => Wrap(line, room)).ToList();
            output.WriteLine(("  " + left.PadRight(width) + lines[0]).TrimEnd());
            foreach (var more in lines.Skip(1)) output.WriteLine((pad + more).TrimEnd());
        }
    }

    private static IEnumerable<string> Wrap(string text, int room)
    {
        while (text.Length > room)
        {
            var cut = text.LastIndexOf(' ', room);
            if (cut <= 0) break;
            yield return text[..cut];
            text = text[(cut + 1)..];
        }
        yield return text;
    }
}
