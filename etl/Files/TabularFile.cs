using System.Globalization;
using System.Text;
using OfficeOpenXml;

namespace Analytics.Etl.Files;

/// <summary>
/// Reads a table with a header row from a CSV file (UTF-8 with or without BOM, ',' or ';'
/// detected from the header line, RFC 4180 quoting) or from the first worksheet of an xlsx file.
/// Header names are matched case-insensitively after trimming.
/// </summary>
public sealed class TabularFile
{
    private TabularFile(string path, string? sheet, IReadOnlyList<string> header, IReadOnlyList<TabularRow> rows)
    {
        Path = path;
        Sheet = sheet;
        Header = header;
        Rows = rows;
    }

    public string Path { get; }

    /// <summary>The worksheet name for xlsx, null for CSV.</summary>
    public string? Sheet { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>Data rows, blank rows skipped.</summary>
    public IReadOnlyList<TabularRow> Rows { get; }

    public bool IsWorkbook => Sheet is not null;

    /// <summary>"dòng 12" in a CSV, "ô B12" / "dòng 12" in a sheet: where a row is, for messages.</summary>
    public string Where(int row, string? cell = null, bool english = false) =>
        cell is not null && IsWorkbook
            ? (english ? $"sheet '{Sheet}', cell {cell}" : $"trang '{Sheet}', ô {cell}")
            : IsWorkbook
                ? (english ? $"sheet '{Sheet}', row {row}" : $"trang '{Sheet}', dòng {row}")
                : (english ? $"line {row}" : $"dòng {row}");

    public static bool IsWorkbookPath(string path) =>
        path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads CSV or xlsx by extension. Throws <see cref="UnreadableFileException"/> for unreadable files.</summary>
    public static TabularFile Read(string path) => IsWorkbookPath(path) ? ReadWorkbook(path) : ReadCsv(path);

    public static TabularFile ReadCsv(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (DecoderFallbackException)
        {
            throw new UnreadableFileException($"{System.IO.Path.GetFileName(path)}: tệp không phải UTF-8 — hãy lưu lại dưới dạng \"CSV UTF-8\" (the file is not UTF-8; save it as CSV UTF-8).");
        }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var firstLineEnd = text.IndexOfAny(['\r', '\n']);
        var firstLine = firstLineEnd < 0 ? text : text[..firstLineEnd];
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';

        var records = ParseCsv(text, delimiter, path);
        if (records.Count == 0)
            throw new UnreadableFileException($"{System.IO.Path.GetFileName(path)}: tệp rỗng (the file is empty).");
        var header = records[0].Cells;
        var columns = IndexColumns(header);
        var rows = records.Skip(1)
            .Select(r => new TabularRow(r.Line, r.Cells, columns))
            .Where(r => !r.IsBlank)
            .ToList();
        return new TabularFile(path, null, header, rows);
    }

    public static TabularFile ReadWorkbook(string path) => ReadWorkbook(path, null);

    /// <summary>Reads the workbook at <paramref name="path"/>, already opened as <paramref name="opened"/> when not null.</summary>
    public static TabularFile ReadWorkbook(string path, ExcelPackage? opened)
    {
        try
        {
            var package = opened ?? Workbooks.Open(path);
            var sheet = package.Workbook.Worksheets.FirstOrDefault()
                ?? throw new UnreadableFileException($"{System.IO.Path.GetFileName(path)}: bảng tính không có trang nào (the workbook has no sheet).");
            var cells = ReadSheet(sheet);
            if (cells.Count == 0)
                throw new UnreadableFileException($"{System.IO.Path.GetFileName(path)}: trang '{sheet.Name}' rỗng (the sheet is empty).");
            var header = cells[0].Cells;
            var columns = IndexColumns(header);
            var rows = cells.Skip(1)
                .Select(r => new TabularRow(r.Line, r.Cells, columns) { Raw = r.Raw })
                .Where(r => !r.IsBlank)
                .ToList();
            return new TabularFile(path, sheet.Name, header, rows);
        }
        catch (Exception e) when (e is not UnreadableFileException)
        {
            throw new UnreadableFileException($"{System.IO.Path.GetFileName(path)}: không đọc được tệp Excel — {e.Message} (cannot read the workbook).");
        }
    }

    /// <summary>Every row of a worksheet as text and as typed values, with its 1-based row number, from its first used row.</summary>
    public static List<(int Line, List<string> Cells, List<object?> Raw)> ReadSheet(ExcelWorksheet sheet)
    {
        var result = new List<(int, List<string>, List<object?>)>();
        if (sheet.Dimension is null) return result;
        var start = sheet.Dimension.Start;
        var end = sheet.Dimension.End;
        for (var r = start.Row; r <= end.Row; r++)
        {
            var row = new List<string>(end.Column);
            var raw = new List<object?>(end.Column);
            for (var c = 1; c <= end.Column; c++)
            {
                var cell = sheet.Cells[r, c];
                var value = cell.Value;
                // Excel keeps dates as serial numbers; a date-formatted cell is read back as a date.
                if (value is double serial && IsDateFormat(cell.Style.Numberformat.NumFmtID, cell.Style.Numberformat.Format) && serial is > 0 and < 2958466)
                    value = DateTime.FromOADate(serial);
                raw.Add(value);
                row.Add(CellText(value));
            }
            result.Add((r, row, raw));
        }
        return result;
    }

    /// <summary>
    /// A cell's value as text. Numbers use the invariant culture ("1520", "12.5") so that they are not
    /// confused with Vietnamese-typed text ("1.520"); dates as ISO.
    /// </summary>
    public static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static bool IsDateFormat(int id, string? format) =>
        id is (>= 14 and <= 22) or (>= 45 and <= 47)
        || (format is not null && format.Contains('y', StringComparison.OrdinalIgnoreCase) && format.Contains('d', StringComparison.OrdinalIgnoreCase));

    /// <summary>1 → A, 27 → AA.</summary>
    public static string ColumnLetter(int column)
    {
        var s = "";
        while (column > 0)
        {
            var m = (column - 1) % 26;
            s = (char)('A' + m) + s;
            column = (column - 1) / 26;
        }
        return s;
    }

    internal static Dictionary<string, int> IndexColumns(IReadOnlyList<string> header)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().Normalize(NormalizationForm.FormC);
            if (name.Length > 0) columns.TryAdd(name, i);
        }
        return columns;
    }

    private static List<(int Line, List<string> Cells)> ParseCsv(string text, char delimiter, string path)
    {
        var records = new List<(int, List<string>)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var quoteStartLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n') line++;
                    cell.Append(c);
                }
                continue;
            }
            if (c == '"' && cell.Length == 0)
            {
                inQuotes = true;
                quoteStartLine = line;
            }
            else if (c == delimiter)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                cells.Add(cell.ToString());
                cell.Clear();
                records.Add((recordLine, cells));
                cells = [];
                line++;
                recordLine = line;
            }
            else
            {
                cell.Append(c);
            }
        }
        if (inQuotes)
            throw new UnreadableFileException($"{System.IO.Path.GetFileName(path)}: dòng {quoteStartLine}: dấu ngoặc kép \" không được đóng (a quoted field is never closed).");
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            records.Add((recordLine, cells));
        }
        return records;
    }
}
