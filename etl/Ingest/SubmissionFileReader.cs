using System.Text;
using System.Text.Json;
using Analytics.Etl.Files;
using OfficeOpenXml;

namespace Analytics.Etl.Ingest;

/// <summary>
/// Reads a submission file in any accepted format into drafts: CSV or xlsx in the long layout
/// (unit_code,period,indicator,value[,note…], many submissions per file), the official template
/// (xlsx with "Mã chỉ tiêu"/"Giá trị"), or JSON (one submission per document).
/// </summary>
public static class SubmissionFileReader
{
    public static readonly string[] LongColumns = ["unit_code", "period", "indicator", "value"];

    /// <summary>Reads the file; throws <see cref="UnreadableFileException"/> when it cannot be read at all.</summary>
    public static List<SubmissionDraft> Read(string path) => Read(path, FormatOf(path));

    /// <summary>Reads a file whose format <see cref="FormatOf"/> already told (a workbook is not opened twice to find out).</summary>
    public static List<SubmissionDraft> Read(string path, string format) =>
        format is "csv" or "json" ? Read(path, format, File.ReadAllBytes(path)) : Read(path, format, null);

    /// <summary>
    /// Reads a file whose bytes were already read (to hash them): CSV and JSON are parsed from
    /// <paramref name="bytes"/>, workbooks are opened from the path.
    /// </summary>
    public static List<SubmissionDraft> Read(string path, string format, byte[]? bytes) =>
        Read(path, format, bytes is null ? null : new ReadOnlyMemory<byte>(bytes));

    /// <summary>As <see cref="Read(string, string, byte[])"/>, over a slice of a (pooled) buffer.</summary>
    public static List<SubmissionDraft> Read(string path, string format, ReadOnlyMemory<byte>? bytes) => format switch
    {
        "json" => [ReadJson(path, bytes ?? File.ReadAllBytes(path))],
        "template" => [SubmissionTemplate.Read(path)],
        "csv" when !TabularFile.IsWorkbookPath(path) => LongCsvReader.Read(path, (bytes ?? File.ReadAllBytes(path)).Span),
        _ => ReadLong(TabularFile.Read(path)),
    };

    /// <summary>
    /// Reads a workbook from its bytes, opening it once both to tell the template from the long
    /// layout and to read it (<see cref="FormatOf"/> and <see cref="Read(string, string)"/> open it twice).
    /// </summary>
    public static List<SubmissionDraft> ReadWorkbook(string path, byte[] bytes, out string format)
    {
        ExcelPackage? package = null;
        try
        {
            package = Workbooks.Open(bytes);
        }
        catch (Exception)
        {
            // Not a workbook at all: reading it from its path below says why, as for any other file.
        }
        format = package is not null && SubmissionTemplate.IsTemplate(package) ? "template" : "xlsx";
        return format == "template" ? [SubmissionTemplate.Read(path, package)] : ReadLong(TabularFile.ReadWorkbook(path, package));
    }

    public static string FormatOf(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "json"
        : TabularFile.IsWorkbookPath(path) ? (SubmissionTemplate.IsTemplate(path) ? "template" : "xlsx")
        : "csv";

    /// <summary>
    /// The general long-layout reading (xlsx, and CSV the fast reader hands back); <see cref="LongCsvReader"/>
    /// must give the same drafts for CSV.
    /// </summary>
    public static List<SubmissionDraft> ReadLong(TabularFile file)
    {
        CheckLongHeader(file.Path, file.Header);

        var format = file.IsWorkbook ? "xlsx" : "csv";
        var drafts = new Dictionary<(string Unit, string Period), SubmissionDraft>();
        var order = new List<SubmissionDraft>();
        foreach (var row in file.Rows)
        {
            var unit = row["unit_code"];
            var periodText = row["period"];
            // Group by the canonical period so "Quý I/2024" and "2024-Q1" in one file are one submission.
            var periodKey = ValueParsing.PeriodCode(periodText, out _) ?? periodText.Trim();
            var key = (unit, periodKey);
            if (!drafts.TryGetValue(key, out var draft))
            {
                draft = new SubmissionDraft
                {
                    SourceFile = file.Path,
                    Sheet = file.Sheet,
                    Format = format,
                    UnitText = unit,
                    PeriodText = periodText,
                    FirstRow = row.RowNumber,
                };
                drafts[key] = draft;
                order.Add(draft);
            }
            var note = row["note"];
            draft.Values.Add(new DraftValue(row["indicator"], row["value"], row.RowNumber, null, note.Length > 0 ? note : null)
            {
                ValueCell = file.IsWorkbook ? $"{row.ColumnLetter("value")}{row.RowNumber}" : null,
                TypedNumber = row.NumberAt("value"),
            });
        }
        return order;
    }

    /// <summary>Refuses the file when its header lacks one of <see cref="LongColumns"/>.</summary>
    internal static void CheckLongHeader(string path, IReadOnlyList<string> header)
    {
        var missing = LongColumns.Where(c => !header.Any(h => h.Trim().Equals(c, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
            throw new UnreadableFileException($"{Path.GetFileName(path)}: thiếu cột {string.Join(", ", missing)}; dòng tiêu đề phải là unit_code,period,indicator,value (missing column(s) {string.Join(", ", missing)}; the header must be unit_code,period,indicator,value).");
    }

    private static SubmissionDraft ReadJson(string path, ReadOnlyMemory<byte> bytes)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new UnreadableFileException($"{Path.GetFileName(path)}: không phải JSON hợp lệ — dòng {e.LineNumber + 1} (not valid JSON: line {e.LineNumber + 1}: {e.Message})");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new UnreadableFileException($"{Path.GetFileName(path)}: JSON phải là một đối tượng {{\"unit\", \"period\", \"values\"}} (the JSON must be an object with unit, period and values).");
            var draft = new SubmissionDraft
            {
                SourceFile = path,
                Format = "json",
                UnitText = Text(root, "unit"),
                PeriodText = Text(root, "period"),
            };
            var notes = root.TryGetProperty("notes", out var n) && n.ValueKind == JsonValueKind.Object ? n : default;
            if (root.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in values.EnumerateObject())
                {
                    var note = notes.ValueKind == JsonValueKind.Object && notes.TryGetProperty(property.Name, out var nv) ? nv.ToString() : null;
                    draft.Values.Add(new DraftValue(property.Name, ValueText(property.Value), null, $"values.{property.Name}", note)
                    {
                        TypedNumber = property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDecimal(out var number) ? number : null,
                    });
                }
            }
            return draft;
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) ? ValueText(v) : "";

    private static string ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.String => value.GetString() ?? "",
        // JSON numbers are machine-written: keep them invariant, never read as Vietnamese-typed text.
        JsonValueKind.Number => value.GetRawText(),
        _ => value.GetRawText(),
    };

    /// <summary>Normalises text for comparison: NFC, trimmed.</summary>
    internal static string Clean(string text) => text.Normalize(NormalizationForm.FormC).Trim();

    internal static ExcelWorksheet? FirstSheet(ExcelPackage package) => package.Workbook.Worksheets.FirstOrDefault();
}
