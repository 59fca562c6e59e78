using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Analytics.Etl.Files;

namespace Analytics.Etl.Ingest;

/// <summary>
/// Reads, hashes and parses the files of the next batches on other threads, and runs the rules
/// that need no history (<see cref="SubmissionValidator.Check"/>), while the loading thread
/// validates against history and writes the current batch. Files are independent, so this is the
/// part of ingest that can use every core; it uses all of them, as the loading thread spends much
/// of its time waiting for DuckDB (writing, committing) and otherwise waited for files. At most
/// <see cref="Ahead"/> batches wait in memory, which bounds the extra memory to a few batches of
/// drafts. Batches come out in the order of the paths; a bug while reading surfaces on the loading
/// thread after the batches before it.
/// </summary>
/// <remarks>
/// The loading thread is the pipeline's narrowest part (DuckDB appends and commits on it alone), so
/// it has a core to itself whenever it is working: the threads share one token per core, the
/// loading thread holds one from the moment it takes a batch until it asks for the next, and a
/// reading thread takes one per file. With two cores, one file is read at a time while a batch is
/// being written and two while the loading thread waits. Before, three busy threads shared two
/// cores and the loading thread got about two thirds of one (national 2024-Q1: 2.9 s of CPU over
/// 4.3 s of wall time).
/// </remarks>
internal sealed class FileReadAhead : IDisposable
{
    private const int Ahead = 2;

    private readonly BlockingCollection<List<LoadedFile>> _ready = new(Ahead);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private readonly IngestTimings _timings;
    private ExceptionDispatchInfo? _failure;

    private readonly IngestContext _context;

    private readonly SemaphoreSlim _cores = new(Environment.ProcessorCount);
    private bool _loadingHoldsCore;

    public FileReadAhead(IReadOnlyList<string> paths, int batchSize, IngestContext context, IngestTimings timings)
    {
        _context = context;
        _timings = timings;
        _reader = Task.Run(() => ReadAll(paths, batchSize));
    }

    /// <summary>The next batch, in order; null after the last one.</summary>
    public List<LoadedFile>? Next()
    {
        ReleaseLoadingCore();
        var start = Stopwatch.GetTimestamp();
        var got = _ready.TryTake(out var batch, Timeout.Infinite);
        if (got)
        {
            _cores.Wait();
            _loadingHoldsCore = true;
        }
        _timings.AddWaiting(start);
        if (got) return batch;
        _failure?.Throw();
        return null;
    }

    private void ReleaseLoadingCore()
    {
        if (!_loadingHoldsCore) return;
        _loadingHoldsCore = false;
        _cores.Release();
    }

    private void ReadAll(IReadOnlyList<string> paths, int batchSize)
    {
        try
        {
            var options = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = _stop.Token };
            var cutter = new BatchCutter(paths.Count, batchSize);
            var batch = new List<LoadedFile>();
            var next = 0;
            for (var size = cutter.NextChunk(); size > 0; size = cutter.NextChunk())
            {
                var chunk = new LoadedFile[size];
                var first = next;
                next += size;
                Parallel.For(0, chunk.Length, options, k =>
                {
                    _cores.Wait(_stop.Token);
                    try
                    {
                        chunk[k] = Load(paths[first + k]);
                    }
                    finally
                    {
                        _cores.Release();
                    }
                });
                batch.AddRange(chunk);
                var values = 0L;
                foreach (var file in chunk) values += file.ValueCount;
                if (!cutter.Add(size, values)) continue;
                _ready.Add(batch, _stop.Token);
                batch = [];
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The loading thread stopped early; nothing is waiting for more files.
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e is AggregateException { InnerExceptions.Count: 1 } a ? a.InnerException! : e);
        }
        finally
        {
            _ready.CompleteAdding();
        }
    }

    private LoadedFile Load(string path)
    {
        var start = Stopwatch.GetTimestamp();
        LoadedFile file;
        try
        {
            file = Read(path);
        }
        finally
        {
            _timings.AddReading(start);
        }
        if (file.Drafts.Count > 0)
        {
            start = Stopwatch.GetTimestamp();
            file.CheckAhead(_context);
            _timings.AddChecking(start);
        }
        return file;
    }

    // Files are read into pooled buffers: a district union's bulk CSV is often past the large
    // object heap's threshold, and a fresh array per file made the collector run full collections.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static LoadedFile Read(string path)
    {
        byte[] buffer;
        int length;
        var workbook = TabularFile.IsWorkbookPath(path);
        // Workbooks are told apart (template or long layout) when they are opened, below.
        var format = workbook ? "xlsx" : SubmissionFileReader.FormatOf(path);
        try
        {
            (buffer, length) = ReadPooled(path);
        }
        catch (IOException e)
        {
            return new LoadedFile(path) { IoError = $"{Path.GetFileName(path)}: không đọc được tệp ({e.Message})" };
        }
        catch (UnauthorizedAccessException e)
        {
            return new LoadedFile(path) { IoError = $"{Path.GetFileName(path)}: không đọc được tệp ({e.Message})" };
        }
        try
        {
            var bytes = new ReadOnlyMemory<byte>(buffer, 0, length);
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
            try
            {
                // A workbook keeps its bytes (the package reads its parts from them), so it gets a copy of its own.
                var drafts = workbook
                    ? SubmissionFileReader.ReadWorkbook(path, bytes.ToArray(), out format)
                    : SubmissionFileReader.Read(path, format, bytes);
                return new LoadedFile(path) { Hash = hash, Format = format, Drafts = drafts };
            }
            catch (UnreadableFileException e)
            {
                return new LoadedFile(path) { Hash = hash, Format = format, Unreadable = e };
            }
        }
        finally
        {
            // The drafts hold strings of their own, nothing of the buffer.
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static (byte[] Buffer, int Length) ReadPooled(string path)
    {
        using var handle = File.OpenHandle(path);
        var size = RandomAccess.GetLength(handle);
        if (size > Array.MaxLength) throw new IOException("tệp quá lớn (the file is too large)");
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(size, 1));
        var length = 0;
        try
        {
            while (true)
            {
                // The file may have grown since its length was read: take it all.
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = RandomAccess.Read(handle, buffer.AsSpan(length), length);
                if (read == 0) break;
                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
        return (buffer, length);
    }

    public void Dispose()
    {
        ReleaseLoadingCore();
        _stop.Cancel();
        // Unblock a reader waiting for room, then let it finish before the collection goes away.
        while (_ready.TryTake(out _)) { }
        try
        {
            _reader.Wait();
        }
        catch (AggregateException)
        {
            // Already captured in _failure, or the reader was cancelled.
        }
        _ready.Dispose();
        _stop.Dispose();
        _cores.Dispose();
    }
}
