using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Analytics.Reports.Charts;

/// <summary>
/// One long-lived Node process (reports/charts/worker.mjs) that renders Vega-Lite specs to SVG
/// and PNG. Requests are serialised; the process is started on first use and started again after a
/// crash or a timeout. Dispose kills it.
/// </summary>
/// <remarks>Protocol and chart kinds: docs/charts.md.</remarks>
public sealed class ChartWorker : IDisposable
{
    /// <summary>Default time one chart may take before the worker is considered hung.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private const int StderrLinesKept = 20;

    private readonly Lock _gate = new();
    private readonly string _directory;
    private readonly string _node;
    private readonly Queue<string> _stderr = new();
    private Process? _process;
    private long _nextId;
    private bool _disposed;

    /// <param name="timeout">Time one request may take; the worker is killed and restarted after it.</param>
    /// <param name="chartsDirectory">The reports/charts folder; found by <see cref="ChartsLocation"/> when null.</param>
    /// <param name="nodeExecutable">The Node binary; "node" on the PATH by default.</param>
    public ChartWorker(TimeSpan? timeout = null, string? chartsDirectory = null, string nodeExecutable = "node")
    {
        Timeout = timeout ?? DefaultTimeout;
        _directory = chartsDirectory ?? ChartsLocation.Resolve();
        _node = nodeExecutable;
    }

    /// <summary>Time one request may take; may be changed between requests (e.g. longer for a huge chart).</summary>
    public TimeSpan Timeout { get; set; }

    /// <summary>Process id of the running worker, or null before the first request and after a crash.</summary>
    public int? ProcessId
    {
        get
        {
            lock (_gate)
            {
                return _process is { HasExited: false } p ? p.Id : null;
            }
        }
    }

    /// <summary>How many times a worker process has been started (1 after the first request).</summary>
    public int Starts { get; private set; }

    /// <summary>Renders the spec to SVG text at the size the spec declares.</summary>
    public string RenderSvg(JsonNode spec)
    {
        using var response = Send(spec, "svg", width: null, height: null, scale: null);
        return response.RootElement.GetProperty("svg").GetString()
            ?? throw new ChartRenderException("The chart worker returned no SVG.");
    }

    /// <summary>
    /// Renders the spec once and returns both its SVG and a PNG of exactly width×height layout
    /// pixels times <paramref name="scale"/>, drawn from that same SVG (a conference slide needs
    /// both; rendering them apart costs a second vega run).
    /// </summary>
    public RenderedChart RenderSvgAndPng(JsonNode spec, int width, int height, double scale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        using var response = Send(spec, "svg+png", width, height, scale);
        var svg = response.RootElement.GetProperty("svg").GetString()
            ?? throw new ChartRenderException("The chart worker returned no SVG.");
        return new RenderedChart(svg, response.RootElement.GetProperty("png").GetBytesFromBase64());
    }

    /// <summary>
    /// Renders the spec to a PNG of exactly width×height layout pixels, times <paramref name="scale"/>
    /// (scale 2 on a 960×540 spec gives a 1920×1080 image with everything twice as large).
    /// </summary>
    public byte[] RenderPng(JsonNode spec, int width, int height, double scale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        using var response = Send(spec, "png", width, height, scale);
        return response.RootElement.GetProperty("png").GetBytesFromBase64();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Stop();
        }
    }

    private JsonDocument Send(JsonNode spec, string format, int? width, int? height, double? scale)
    {
        ArgumentNullException.ThrowIfNull(spec);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var id = ++_nextId;
            var request = new JsonObject
            {
                ["id"] = id,
                ["spec"] = spec.DeepClone(),
                ["format"] = format,
            };
            if (width is not null)
            {
                request["width"] = width;
                request["height"] = height;
                request["scale"] = scale;
            }

            var line = request.ToJsonString();

            // One retry: a worker that died between requests (or was killed) is replaced silently.
            // A spec that kills the worker twice is reported, and the next request gets a fresh one.
            for (var attempt = 1; ; attempt++)
            {
                var reply = Exchange(line);
                if (reply is not null)
                {
                    return Parse(reply, id);
                }

                var detail = StderrTail();
                Stop();
                if (attempt == 2)
                {
                    throw new ChartRenderException($"The chart worker exited while rendering.{detail}");
                }
            }
        }
    }

    // Returns the response line, or null when the process died before answering.
    private string? Exchange(string line)
    {
        var process = EnsureStarted();
        try
        {
            process.StandardInput.WriteLine(line);
            process.StandardInput.Flush();
        }
        catch (IOException)
        {
            return null;
        }

        var read = process.StandardOutput.ReadLineAsync();
        if (!read.Wait(Timeout))
        {
            Stop();
            throw new ChartRenderException(
                $"The chart worker did not answer within {Timeout.TotalSeconds:0.#} s; it has been restarted.");
        }

        return read.Result;
    }

    private static JsonDocument Parse(string reply, long id)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(reply);
        }
        catch (JsonException e)
        {
            throw new ChartRenderException($"The chart worker answered with something that is not JSON: {Shorten(reply)}", e);
        }

        var root = document.RootElement;
        if (!root.TryGetProperty("id", out var replyId) || replyId.ValueKind != JsonValueKind.Number || replyId.GetInt64() != id)
        {
            document.Dispose();
            throw new ChartRenderException($"The chart worker answered request {id} out of order: {Shorten(reply)}");
        }

        if (!root.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
        {
            var message = root.TryGetProperty("error", out var error) ? error.GetString() : null;
            document.Dispose();
            throw new ChartRenderException(message ?? "The chart worker failed without a message.");
        }

        return document;
    }

    private Process EnsureStarted()
    {
        if (_process is { HasExited: false } running)
        {
            return running;
        }

        Stop();
        var start = new ProcessStartInfo(_node)
        {
            WorkingDirectory = _directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add(Path.Combine(_directory, ChartsLocation.WorkerScript));

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ChartRenderException($"Could not start '{_node}'.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ChartRenderException($"Could not start the chart worker with '{_node}': {e.Message}", e);
        }

        // stderr must be drained or a chatty library would block the worker on a full pipe.
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderr)
            {
                _stderr.Enqueue(e.Data);
                while (_stderr.Count > StderrLinesKept)
                {
                    _stderr.Dequeue();
                }
            }
        };
        process.BeginErrorReadLine();
        _process = process;
        Starts++;
        return process;
    }

    private void Stop()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }
    }

    private string StderrTail()
    {
        lock (_stderr)
        {
            return _stderr.Count == 0 ? "" : " Worker said: " + string.Join(" | ", _stderr);
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
