using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Analytics.Jobs.Cli;

/// <summary>
/// Rows printed as a table, CSV or JSON (--format table|csv|json). CSV and JSON are for machines:
/// invariant numbers, byte for byte the same wherever they go. A table is for people: on a terminal a
/// Spectre.Console table at the terminal's width; elsewhere (a pipe, a file, a test's writer) the same
/// table as plain text (columns two spaces apart, a rule under the header), without colour or ANSI codes,
/// never wrapped, with no trailing spaces.
/// </summary>
public static class Rows
{
    public static void Write(TextWriter output, string format, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var data = rows.ToList();
        switch (format)
        {
            case "csv":
                output.WriteLine(string.Join(',', headers.Select(Csv)));
                foreach (var row in data) output.WriteLine(string.Join(',', row.Select(v => Csv(Invariant(v)))));
                break;
            case "json":
                var list = data.Select(row => headers.Select((h, i) => (h, row[i])).ToDictionary(p => p.h, p => p.Item2)).ToList();
                output.WriteLine(JsonSerializer.Serialize(list, JsonOptions));
                break;
            default:
                WriteTable(output, headers, data);
                break;
        }
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<string> headers, List<IReadOnlyList<object?>> data)
    {
        var terminal = Terminal.IsTerminal(output);
        var table = new Table().Border(terminal ? TableBorder.Rounded : PlainBorder.Instance);
        for (var i = 0; i < headers.Count; i++)
        {
            var numeric = data.Count > 0 && data.All(r => r[i] is null or int or long or double or decimal);
            var column = new TableColumn(terminal ? new Text(headers[i], new Style(decoration: Decoration.Bold)) : new Text(headers[i]));
            if (numeric) column.RightAligned();
            if (!terminal) column.Padding(0, 0, 0, 0);
            table.AddColumn(column);
        }
        foreach (var row in data) table.AddRow(row.Select(v => (IRenderable)new Text(Display(v))));
        Terminal.Render(output, table);
    }

    /// <summary>Columns two spaces apart, a rule under the header, nothing else: the table as text for pipes and files.</summary>
    private sealed class PlainBorder : TableBorder
    {
        public static readonly PlainBorder Instance = new();

        public override string GetPart(TableBorderPart part) => part switch
        {
            TableBorderPart.HeaderBottom => "─",
            TableBorderPart.HeaderSeparator or TableBorderPart.CellSeparator or TableBorderPart.HeaderBottomSeparator => "  ",
            TableBorderPart.HeaderLeft or TableBorderPart.HeaderRight or TableBorderPart.CellLeft or TableBorderPart.CellRight
                or TableBorderPart.HeaderBottomLeft or TableBorderPart.HeaderBottomRight => "",
            _ => " ",
        };
    }

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Numbers the Vietnamese way for people (1.186.400; 78,4).</summary>
    private static string Display(object? value) => value switch
    {
        null => "",
        int or long => Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString("#,##0", Vi),
        double d => d.ToString("#,##0.##", Vi),
        decimal m => m.ToString("#,##0.##", Vi),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Numbers invariant for machines (CSV, JSON).</summary>
    private static string Invariant(object? value) => value switch
    {
        null => "",
        DateTime t => t.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Csv(string text)
    {
        if (text.IndexOfAny([',', '"', '\n', '\r']) < 0) return text;
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
