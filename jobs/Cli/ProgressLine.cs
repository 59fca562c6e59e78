namespace Analytics.Jobs.Cli;

/// <summary>
/// A one-line progress bar on standard error for long runs; silent when standard error is not a
/// terminal (CI logs, pipes), so output stays clean.
/// </summary>
public sealed class ProgressLine : IDisposable
{
    private readonly TextWriter _error;
    private readonly int _total;
    private readonly string _label;
    private readonly bool _enabled;
    private readonly System.Diagnostics.Stopwatch _watch = System.Diagnostics.Stopwatch.StartNew();
    private long _lastDraw = -1000;

    public ProgressLine(TextWriter error, int total, string label)
    {
        _error = error;
        _total = total;
        _label = label;
        _enabled = total > 1 && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
    }

    public void Report(int done, string? current = null)
    {
        if (!_enabled) return;
        if (done < _total && _watch.ElapsedMilliseconds - _lastDraw < 100) return;
        _lastDraw = _watch.ElapsedMilliseconds;
        const int width = 30;
        var filled = _total == 0 ? width : (int)((long)width * done / _total);
        var eta = done == 0 ? "" : $" ~{TimeSpan.FromMilliseconds(_watch.ElapsedMilliseconds * (double)(_total - done) / done):mm\\:ss}";
        var name = current is null ? "" : " " + (current.Length > 30 ? "…" + current[^29..] : current);
        _error.Write($"\r{_label} [{new string('█', filled)}{new string('░', width - filled)}] {done}/{_total}{eta}{name}".PadRight(100));
    }

    public void Dispose()
    {
        if (_enabled) _error.Write("\r" + new string(' ', 100) + "\r");
    }
}
