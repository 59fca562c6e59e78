using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Analytics.Etl.Files;

namespace Analytics.Etl.Ingest;

/// <summary>
/// The long-layout CSV reader of the ingest hot path: tokenises the file's UTF-8 bytes in place
/// and builds drafts directly, with no row object, cell list or string per cell (a district
/// union's bulk file repeats the same unit, period and indicator texts on every line, so those
/// become one string each). It gives exactly what <see cref="TabularFile.ReadCsv"/> followed by
/// the generic long-layout reading gives — same delimiter detection, RFC 4180 quoting, line
/// numbers, trimming and blank rows; the tests hold the two equal. Anything unusual (not valid
/// UTF-8, a UTF-16 or UTF-32 byte order mark) goes through the general reader, which also owns
/// the messages for unreadable files.
/// </summary>
public sealed class LongCsvReader
{
    private static readonly SearchValues<byte> CommaSpecials = SearchValues.Create(",\"\r\n"u8);
    private static readonly SearchValues<byte> SemicolonSpecials = SearchValues.Create(";\"\r\n"u8);
    private static readonly SearchValues<byte> QuotedSpecials = SearchValues.Create("\"\n"u8);

    private readonly string _path;
    private readonly byte _delimiter;

    // The current record's cells, unquoted, back to back in _cells; each cell's end in _ends.
    private byte[] _cells = new byte[256];
    private int _length;
    private int[] _ends = new int[16];
    private int _count;

    private int _unit = -1, _period = -1, _indicator = -1, _value = -1, _note = -1;
    private bool _headerRead;

    private readonly Dictionary<(string Unit, string Period), SubmissionDraft> _drafts = [];
    private readonly List<SubmissionDraft> _order = [];
    private SubmissionDraft? _last;
    private readonly TextCache _units = new();
    private readonly TextCache _periods = new();
    private readonly TextCache _indicators = new();
    private readonly TextCache _notes = new();

    private LongCsvReader(string path, byte delimiter)
    {
        _path = path;
        _delimiter = delimiter;
    }

    /// <summary>Reads the file at <paramref name="path"/> whose bytes are <paramref name="bytes"/>.</summary>
    public static List<SubmissionDraft> Read(string path, ReadOnlySpan<byte> bytes)
    {
        // UTF-16/32 byte order marks and invalid UTF-8: the general reader decodes or refuses them.
        if (bytes.StartsWith([(byte)0xFE, (byte)0xFF]) || bytes.StartsWith([(byte)0xFF, (byte)0xFE])
            || bytes.StartsWith([(byte)0, (byte)0, (byte)0xFE, (byte)0xFF]) || !Utf8.IsValid(bytes))
            return SubmissionFileReader.ReadLong(TabularFile.ReadCsv(path));

        // The general reader's decoder drops a UTF-8 byte order mark and then one more U+FEFF.
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (bytes.StartsWith(bom)) bytes = bytes[3..];
        if (bytes.StartsWith(bom)) bytes = bytes[3..];

        var firstLineEnd = bytes.IndexOfAny((byte)'\r', (byte)'\n');
        var firstLine = firstLineEnd < 0 ? bytes : bytes[..firstLineEnd];
        var delimiter = firstLine.Count((byte)';') > firstLine.Count((byte)',') ? (byte)';' : (byte)',';

        var reader = new LongCsvReader(path, delimiter);
        reader.Tokenise(bytes);
        if (!reader._headerRead)
            throw new UnreadableFileException($"{Path.GetFileName(path)}: tệp rỗng (the file is empty).");
        return reader._order;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Tokenise(ReadOnlySpan<byte> bytes)
    {
        var specials = _delimiter == (byte)';' ? SemicolonSpecials : CommaSpecials;
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var quoteStartLine = 0;
        var cellStart = 0; // where the current cell begins in _cells
        var i = 0;
        while (i < bytes.Length)
        {
            if (inQuotes)
            {
                var run = bytes[i..].IndexOfAny(QuotedSpecials);
                if (run < 0) run = bytes.Length - i;
                Append(bytes.Slice(i, run));
                i += run;
                if (i == bytes.Length) break;
                if (bytes[i] == (byte)'\n')
                {
                    line++;
                    Append(bytes.Slice(i, 1));
                }
                else if (i + 1 < bytes.Length && bytes[i + 1] == (byte)'"')
                {
                    Append("\""u8);
                    i++;
                }
                else
                {
                    inQuotes = false;
                }
                i++;
                continue;
            }

            var plain = bytes[i..].IndexOfAny(specials);
            if (plain < 0) plain = bytes.Length - i;
            Append(bytes.Slice(i, plain));
            i += plain;
            if (i == bytes.Length) break;
            var c = bytes[i];
            if (c == (byte)'"')
            {
                // A quote opens a quoted field only at the start of a cell; elsewhere it is text.
                if (_length == cellStart)
                {
                    inQuotes = true;
                    quoteStartLine = line;
                }
                else
                {
                    Append("\""u8);
                }
            }
            else if (c == _delimiter)
            {
                EndCell();
                cellStart = _length;
            }
            else
            {
                if (c == (byte)'\r' && i + 1 < bytes.Length && bytes[i + 1] == (byte)'\n') i++;
                EndCell();
                EndRecord(recordLine);
                cellStart = 0;
                line++;
                recordLine = line;
            }
            i++;
        }
        if (inQuotes)
            throw new UnreadableFileException($"{Path.GetFileName(_path)}: dòng {quoteStartLine}: dấu ngoặc kép \" không được đóng (a quoted field is never closed).");
        if (_length > cellStart || _count > 0)
        {
            EndCell();
            EndRecord(recordLine);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Append(ReadOnlySpan<byte> part)
    {
        if (part.IsEmpty) return;
        if (_length + part.Length > _cells.Length) Array.Resize(ref _cells, Math.Max(_cells.Length * 2, _length + part.Length));
        part.CopyTo(_cells.AsSpan(_length));
        _length += part.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EndCell()
    {
        if (_count == _ends.Length) Array.Resize(ref _ends, _ends.Length * 2);
        _ends[_count++] = _length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<byte> Cell(int index) =>
        index < 0 || index >= _count ? [] : _cells.AsSpan(index == 0 ? 0 : _ends[index - 1], _ends[index] - (index == 0 ? 0 : _ends[index - 1]));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EndRecord(int recordLine)
    {
        if (!_headerRead) ReadHeader();
        else if (!IsBlankRecord()) AddValue(recordLine);
        _length = 0;
        _count = 0;
    }

    private void ReadHeader()
    {
        _headerRead = true;
        var header = new List<string>(_count);
        for (var k = 0; k < _count; k++) header.Add(Encoding.UTF8.GetString(Cell(k)));
        SubmissionFileReader.CheckLongHeader(_path, header);
        var columns = TabularFile.IndexColumns(header);
        _unit = columns.GetValueOrDefault("unit_code", -1);
        _period = columns.GetValueOrDefault("period", -1);
        _indicator = columns.GetValueOrDefault("indicator", -1);
        _value = columns.GetValueOrDefault("value", -1);
        _note = columns.GetValueOrDefault("note", -1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsBlankRecord()
    {
        for (var k = 0; k < _count; k++)
        {
            var cell = Cell(k);
            if (!Ascii.IsValid(cell)) { if (!string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(cell))) return false; }
            else if (!cell.TrimStart(AsciiWhiteSpace).IsEmpty) return false;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddValue(int recordLine)
    {
        var unit = _units.Get(Cell(_unit));
        var periodText = _periods.Get(Cell(_period));
        SubmissionDraft draft;
        if (_last is not null && ReferenceEquals(_last.UnitText, unit) && ReferenceEquals(_last.PeriodText, periodText))
        {
            draft = _last;
        }
        else
        {
            // Group by the canonical period so "Quý I/2024" and "2024-Q1" in one file are one submission.
            var key = (unit, ValueParsing.PeriodCode(periodText, out _) ?? periodText);
            if (!_drafts.TryGetValue(key, out var found))
            {
                found = new SubmissionDraft
                {
                    SourceFile = _path,
                    Format = "csv",
                    UnitText = unit,
                    PeriodText = periodText,
                    FirstRow = recordLine,
                };
                _drafts[key] = found;
                _order.Add(found);
            }
            draft = found;
        }
        _last = draft;
        // A note is usually the same for all of a submission's lines.
        var note = _notes.Get(Cell(_note));
        draft.Values.Add(new DraftValue(_indicators.Get(Cell(_indicator)), ValueText(Cell(_value)), recordLine, null, note.Length > 0 ? note : null));
    }

    // char.IsWhiteSpace below U+0080: what string.Trim removes from ASCII text.
    private static ReadOnlySpan<byte> AsciiWhiteSpace => "\t\n\v\f\r "u8;

    // The texts of 0 to 9999: most values are small counts, so most value cells need no string of their own.
    private static readonly string[] SmallNumbers = [.. Enumerable.Range(0, 10_000).Select(n => n.ToString(CultureInfo.InvariantCulture))];

    /// <summary>A value cell as <see cref="Trimmed"/> gives it, small whole numbers from <see cref="SmallNumbers"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string ValueText(ReadOnlySpan<byte> cell)
    {
        var digits = cell.Trim(AsciiWhiteSpace);
        // "007" keeps its own text: only the canonical spelling of a number is shared.
        if (digits.Length is 0 or > 4 || (digits[0] == (byte)'0' && digits.Length > 1)) return Trimmed(cell);
        var n = 0;
        foreach (var b in digits)
        {
            if (b is < (byte)'0' or > (byte)'9') return Trimmed(cell);
            n = n * 10 + (b - '0');
        }
        return SmallNumbers[n];
    }

    /// <summary>The cell as string.Trim() would give it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string Trimmed(ReadOnlySpan<byte> cell)
    {
        var trimmed = cell.Trim(AsciiWhiteSpace);
        if (trimmed.IsEmpty) return "";
        // Non-ASCII at an edge may be Unicode white space (a no-break space): let string.Trim judge.
        if (trimmed[0] >= 0x80 || trimmed[^1] >= 0x80) return Encoding.UTF8.GetString(trimmed).Trim();
        return Encoding.UTF8.GetString(trimmed);
    }

    /// <summary>
    /// Recent distinct texts of one column and their strings: a bulk file repeats them on every
    /// line. Hashed into two-way sets, so a text not seen before costs a hash of its length and
    /// three bytes and at most two comparisons (a district file's unit codes are nearly all new;
    /// scanning every slot for them had cost a national quarter about 0.1 s of CPU).
    /// </summary>
    private sealed class TextCache
    {
        private const int Size = 64;
        private readonly byte[]?[] _bytes = new byte[Size][];
        private readonly string[] _texts = new string[Size];
        private int _lastHit = -1;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public string Get(ReadOnlySpan<byte> cell)
        {
            if (_lastHit >= 0 && cell.SequenceEqual(_bytes[_lastHit])) return _texts[_lastHit];
            // Length and three bytes: enough to tell a column's few dozen recent texts apart.
            var n = cell.Length;
            var hash = n == 0 ? 0u : ((uint)n * 0x9E3779B1u) ^ cell[0] ^ ((uint)cell[n - 1] << 8) ^ ((uint)cell[n >> 1] << 16);
            hash *= 0x85EBCA6Bu;
            var first = (int)((hash >> 26) & (Size - 2));
            for (var slot = first; slot <= first + 1; slot++)
            {
                if (_bytes[slot] is { } known && cell.SequenceEqual(known))
                {
                    _lastHit = slot;
                    return _texts[slot];
                }
            }
            // A new text takes the set's free slot, else the one not used last.
            var target = _bytes[first] is null ? first : _bytes[first + 1] is null || _lastHit == first ? first + 1 : first;
            var text = Trimmed(cell);
            _bytes[target] = cell.ToArray();
            _texts[target] = text;
            _lastHit = target;
            return text;
        }
    }
}
