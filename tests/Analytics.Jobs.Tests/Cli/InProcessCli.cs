using Analytics.Jobs.Cli;

namespace Analytics.Jobs.Tests.Cli;

/// <summary>Runs the CLI in this process on a given warehouse file and returns what it wrote to each stream.</summary>
public static class InProcessCli
{
    public static (string Out, string Error) Run(string db, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        CliApp.Run([.. args, "--db", db], output, error, TimeProvider.System);
        return (output.ToString(), error.ToString());
    }
}
