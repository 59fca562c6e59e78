using Analytics.Warehouse.Vocabulary;
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
    /// <remarks>A table writes its values for <paramref name="language"/>'s readers (warehouse/Vocabulary/Formats.cs):
    /// 1.186.400 and 78,4 in Vietnamese, 1,186,400 and 78.4 in English; an instant (DateTimeOffset) in Vietnam time.</remarks>
    public static void Write(TextWriter output, string format, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, Language language = Language.Vi)
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
                WriteTable(output, headers, data, language);
                break;
        }
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<string> headers, List<IReadOnlyList<object?>> data, Language language)
    {
        var terminal = Terminal.IsTerminal(output);
        var table = new Table().Border(terminal ? TableBorder.Rounded : PlainBorder.Instance);
        for (var i = 0; i < headers.Count; i++)
        {
            var numeric = data.Count > 0 && data.All(r => r[i] is null or int or long or double or decimal or Share or Points);
            var column = new TableColumn(terminal ? new Text(headers[i], new Style(decoration: Decoration.Bold)) : new Text(headers[i]));
            if (numeric) column.RightAligned();
            if (!terminal) column.Padding(0, 0, 0, 0);
            table.AddColumn(column);
        }
        foreach (var row in data) table.AddRow(row.Select(v => (IRenderable)new Text(Display(v, language))));
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

    /// <summary>A fraction that a table shows as a percentage with its sign (0.75 → 75,0 %); machines get the fraction.</summary>
    public readonly record struct Share(double Ratio)
    {
        public static Share? Of(double? ratio) => ratio is { } r ? new Share(r) : null;
    }

    /// <summary>A change of a rate, which a table shows in percentage points (0.006 → 0,6 điểm %); machines get the difference.</summary>
    public readonly record struct Points(double Difference)
    {
        public static Points? Of(double? difference) => difference is { } d ? new Points(d) : null;
    }

    private static readonly VietnamClock Zone = new(TimeProvider.System);

    /// <summary>A value for people, the one way every output writes it.</summary>
    private static string Display(object? value, Language language) => value switch
    {
        DateTimeOffset instant => language.Time(Zone.Local(instant)),
        Share share => language.Percent(share.Ratio),
        Points points => language.Points(points.Difference),
        _ => language.Value(value),
    };

    /// <summary>Numbers invariant for machines (CSV, JSON); an instant in UTC, marked Z so nobody reads it as Vietnam time.</summary>
    private static string Invariant(object? value) => value switch
    {
        null => "",
        Share share => share.Ratio.ToString(CultureInfo.InvariantCulture),
        Points points => points.Difference.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture),
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
