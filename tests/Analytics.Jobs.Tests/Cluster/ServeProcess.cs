using System.Diagnostics;
using System.Text;

namespace Analytics.Jobs.Tests.Cluster;

/// <summary>
/// A real `analytics serve` child process (the executable built next to the tests), configured through
/// environment variables as an operator would; killed with SIGKILL to play a node that dies.
/// </summary>
public sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public ServeProcess(string db, int port, IReadOnlyDictionary<string, string> environment)
    {
        Port = port;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "analytics.dll"));
        foreach (var a in new[] { "serve", "--db", db, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }) start.ArgumentList.Add(a);
        start.Environment.Remove("ANALYTICS_DB");
        start.Environment.Remove("ANALYTICS_FAULT");
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in environment) start.Environment[k] = v;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the process printed so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>Waits until the page answers, so the job server has started too.</summary>
    public async Task WaitUntilServing(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"analytics serve exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{Port}/jobs"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"analytics serve on port {Port} did not answer within {limit}:\n{Output}");
    }

    public async Task<bool> WaitForExit(TimeSpan limit)
    {
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
