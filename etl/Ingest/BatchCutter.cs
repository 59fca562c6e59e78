namespace Analytics.Etl.Ingest;

/// <summary>
/// Decides where the batches of an ingest end, by the values their files hold rather than by a
/// count of files, while the files are being read (see <see cref="FileReadAhead"/>).
/// </summary>
/// <remarks>
/// DuckDB writes a transaction's appended rows straight into the database file, compressed, when
/// the transaction appends at least a row group (<see cref="RowGroupRows"/> rows) to a table.
/// Below that, the rows go to the write-ahead log and are compressed and written again at the next
/// checkpoint. So every batch should carry more than a row group of values: a national quarter cut
/// into 125, 250, …, 250, 125 files wrote its small batches' 350,000 values through the log, and its
/// final checkpoint took 0.45–0.6 s; cut by values it takes about 0.25 s, the submission rows only.
/// The first batch is just past a row group, so loading starts early; later ones double up to
/// <see cref="MaxValues"/>; the files left at the end join the batch before them when they would
/// not fill a row group of their own and the batch has room for them.
/// </remarks>
internal sealed class BatchCutter
{
    /// <summary>DuckDB's row group size (DEFAULT_ROW_GROUP_SIZE): 120 vectors of 1,024 rows.</summary>
    public const int RowGroupRows = 122_880;

    /// <summary>The first batch's values: a row group with a margin for values refused or unchanged.</summary>
    public const long FirstValues = RowGroupRows * 5L / 4;

    /// <summary>The most values a batch aims for (about a thousand files of district CSVs).</summary>
    public const long MaxValues = RowGroupRows * 4L;

    /// <summary>Files read before the values per file are estimated.</summary>
    private const int Probe = 64;

    private readonly int _files;
    private readonly int _maxFiles;
    private int _read;
    private int _inBatch;
    private long _batchValues;
    private long _readValues;
    private long _target = FirstValues;

    /// <param name="files">Files to ingest.</param>
    /// <param name="maxFiles">The most files a batch takes (the ingest's batch size).</param>
    public BatchCutter(int files, int maxFiles)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(files);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFiles, 1);
        _files = files;
        _maxFiles = maxFiles;
    }

    /// <summary>How many files to read next for the current batch; 0 when every file has been read.</summary>
    public int NextChunk()
    {
        var remaining = _files - _read;
        if (remaining == 0) return 0;
        var room = _maxFiles - _inBatch;
        if (TailJoins(remaining)) return remaining;
        if (_read < Probe) return Math.Min(Math.Min(Probe - _read, room), remaining);
        var perFile = Math.Max(1.0, (double)_readValues / _read);
        var needed = (int)Math.Ceiling((_target - _batchValues) / perFile);
        return Math.Clamp(needed, 1, Math.Min(room, remaining));
    }

    /// <summary>Records a chunk just read; true when the batch ends with it.</summary>
    public bool Add(int files, long values)
    {
        _read += files;
        _inBatch += files;
        _readValues += values;
        _batchValues += values;
        var remaining = _files - _read;
        var ends = remaining == 0
            || _inBatch >= _maxFiles
            || (_batchValues >= _target && !TailJoins(remaining));
        if (ends)
        {
            _inBatch = 0;
            _batchValues = 0;
            _target = Math.Min(_target * 2, MaxValues);
        }
        return ends;
    }

    // The files left would make a batch of less than a row group, and this batch has room for them.
    private bool TailJoins(int remaining) =>
        _read >= Probe
        && remaining <= _maxFiles - _inBatch
        && remaining * ((double)_readValues / _read) < RowGroupRows;
}
