using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Analytics.Jobs.Cli;

/// <summary>
/// Where Spectre.Console draws: on the process's own terminal with colour, live progress and the
/// terminal's width; anywhere else plain text, so pipes, log files and tests read stable output.
/// </summary>
public static class Terminal
{
    /// <summary>Plain output is never wrapped: a table is as wide as its content.</summary>
    private const int PlainWidth = 100_000;

    /// <summary>Whether the writer is the process's standard output or error and that is a terminal.</summary>
    public static bool IsTerminal(TextWriter writer) =>
        (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected) ||
        (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);

    /// <summary>A console drawing on the terminal behind <paramref name="writer"/> (see <see cref="IsTerminal"/>).</summary>
    public static IAnsiConsole Live(TextWriter writer) =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.Detect, ColorSystem = ColorSystemSupport.Detect });

    /// <summary>Writes a renderable: live on a terminal, else as plain lines without trailing spaces or blank lines.</summary>
    public static void Render(TextWriter writer, IRenderable renderable)
    {
        if (IsTerminal(writer))
        {
            Live(writer).Write(renderable);
            return;
        }
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = PlainWidth;
        console.Profile.Capabilities.Unicode = true;
        console.Write(renderable);
        var plain = new StringBuilder();
        foreach (var line in text.ToString().Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Length > 0) plain.Append(trimmed).Append('\n');
        }
        writer.Write(plain.ToString().Replace("\n", writer.NewLine, StringComparison.Ordinal));
    }

    /// <summary>
    /// Runs <paramref name="work"/> with a progress bar on standard error when that is a terminal
    /// (the bar is cleared when the work ends); elsewhere the work runs without one, so logs stay clean.
    /// The work reports to the task it is given (null when there is no bar), on a scale of <paramref name="total"/>.
    /// </summary>
    public static T Progress<T>(TextWriter error, string label, double total, Func<ProgressTask?, T> work)
    {
        if (!IsTerminal(error)) return work(null);
        return Live(error).Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context => work(context.AddTask(Markup.Escape(label), maxValue: Math.Max(total, 1))));
    }

    /// <summary>Runs <paramref name="work"/> under a spinner with <paramref name="text"/> on a terminal; elsewhere writes the text as a line first.</summary>
    public static T Status<T>(TextWriter error, string text, Func<T> work)
    {
        if (!IsTerminal(error))
        {
            error.WriteLine(text);
            return work();
        }
        return Live(error).Status().Start(Markup.Escape(text), _ => work());
    }
}
