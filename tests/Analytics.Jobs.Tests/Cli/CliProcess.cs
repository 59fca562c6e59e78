using System.Diagnostics;

namespace Analytics.Jobs.Tests.Cli;

/// <summary>Runs the real `analytics` executable (built next to the tests) as a child process.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Result Run(IReadOnlyDictionary<string, string>? environment, params string[] args) => RunWithInput(environment, null, args);

    /// <summary>As <see cref="Run"/>, writing <paramref name="input"/> to the command's standard input (a password for `user add`).</summary>
    public static Result RunWithInput(IReadOnlyDictionary<string, string>? environment, string? input, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "analytics.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("ANALYTICS_DB");
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (environment is not null)
            foreach (var (k, v) in environment) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        if (input is not null) process.StandardInput.Write(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"analytics {string.Join(' ', args)} did not finish in 3 minutes");
        }
        return new Result(process.ExitCode, output.Result, error.Result);
    }
}
