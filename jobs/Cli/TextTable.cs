using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Analytics.Jobs.Cli;

/// <summary>Rows printed as an aligned table, CSV or JSON (--format table|csv|json).</summary>
public static class TextTable
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
            case "table":
                var texts = data.Select(r => r.Select(Display).ToList()).ToList();
                var widths = headers.Select((h, i) => Math.Max(h.Length, texts.Count == 0 ? 0 : texts.Max(r => r[i].Length))).ToList();
                var numeric = headers.Select((_, i) => data.Count > 0 && data.All(r => r[i] is null or int or long or double or decimal)).ToList();
                output.WriteLine(string.Join("  ", headers.Select((h, i) => numeric[i] ? h.PadLeft(widths[i]) : h.PadRight(widths[i]))).TrimEnd());
                output.WriteLine(string.Join("  ", widths.Select(w => new string('─', w))));
                foreach (var row in texts)
                    output.WriteLine(string.Join("  ", row.Select((v, i) => numeric[i] ? v.PadLeft(widths[i]) : v.PadRight(widths[i]))).TrimEnd());
                break;
            default:
                throw new UsageException($"--format must be table, csv or json, not '{format}'.");
        }
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
