using System.IO.Compression;
using System.Xml.Linq;
using OfficeOpenXml;

namespace Analytics.Reports.Tests.Excel;

/// <summary>Reads a written workbook back: cells through EPPlus, chart parts as XML.</summary>
public sealed class WorkbookReader : IDisposable
{
    private static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private readonly byte[] _bytes;

    public WorkbookReader(byte[] bytes)
    {
        _bytes = bytes;
        Package = new ExcelPackage(new MemoryStream(bytes));
    }

    public ExcelPackage Package { get; }

    public ExcelWorksheet Sheet(string name) => Package.Workbook.Worksheets[name] ?? throw new InvalidOperationException($"no sheet '{name}'; sheets: {string.Join(", ", Package.Workbook.Worksheets.Select(s => s.Name))}");

    /// <summary>The row (1-based) whose column <paramref name="column"/> equals <paramref name="text"/> and column <paramref name="column2"/> equals text2 when given.</summary>
    public static int FindRow(ExcelWorksheet sheet, int column, string text, int? column2 = null, string? text2 = null)
    {
        for (var r = 1; r <= sheet.Dimension.End.Row; r++)
        {
            if (sheet.Cells[r, column].Value as string == text && (column2 is null || sheet.Cells[r, column2.Value].Value as string == text2)) return r;
        }
        return -1;
    }

    public static int FindColumn(ExcelWorksheet sheet, int row, string text)
    {
        for (var c = 1; c <= sheet.Dimension.End.Column; c++)
        {
            if (sheet.Cells[row, c].Value as string == text) return c;
        }
        return -1;
    }

    /// <summary>Every chart part: its title text and for each series the (name, categories, values) references.</summary>
    public IReadOnlyList<(string Part, string Title, IReadOnlyList<(string Name, string Categories, string Values)> Series)> Charts()
    {
        using var zip = new ZipArchive(new MemoryStream(_bytes));
        var charts = new List<(string, string, IReadOnlyList<(string, string, string)>)>();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/charts/chart", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            using var stream = entry.Open();
            var doc = XDocument.Load(stream);
            XNamespace a = "http://schemas.openxmlformats.org/drawingml/2006/main";
            var title = string.Concat(doc.Root!.Element(C + "chart")?.Element(C + "title")?.Descendants(a + "t").Select(t => t.Value) ?? []);
            var series = doc.Descendants(C + "ser").Select(s => (
                s.Element(C + "tx")?.Descendants(C + "f").FirstOrDefault()?.Value ?? "",
                s.Element(C + "cat")?.Descendants(C + "f").FirstOrDefault()?.Value ?? "",
                s.Element(C + "val")?.Descendants(C + "f").FirstOrDefault()?.Value ?? "")).ToList();
            charts.Add((entry.FullName, title, series));
        }
        return charts;
    }

    public void Dispose() => Package.Dispose();
}
