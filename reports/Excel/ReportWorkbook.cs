using OfficeOpenXml;
using OfficeOpenXml.Drawing.Chart;
using OfficeOpenXml.Style;

namespace Analytics.Reports.Excel;

/// <summary>
/// An EPPlus package with the house layout every report workbook shares: cover sheet, titled
/// tables with frozen headers, filters and A4 landscape print set-up, native charts, and a save
/// that repairs EPPlus 4's chart XML (<see cref="ChartXmlFixer"/>). Column widths and row heights
/// are set here explicitly: EPPlus's AutoFit needs libgdiplus, and large accented titles are
/// clipped in rows of the default height.
/// </summary>
public sealed class ReportWorkbook : IDisposable
{
    private const int TitleRow = 1;
    private const int SubtitleRow = 2;
    private const string FontName = "Arial";
    private readonly DateTimeOffset _generatedAt;
    private int _charts;

    public ReportWorkbook(bool english, DateTimeOffset generatedAt, string title)
    {
        English = english;
        _generatedAt = generatedAt;
        Package = new ExcelPackage();
        var properties = Package.Workbook.Properties;
        properties.Title = title;
        properties.Author = "Analytics";
        properties.Company = english ? "Vietnam General Confederation of Labour" : "Tổng Liên đoàn Lao động Việt Nam";
        // The report's own time, not the machine's: same data, same workbook.
        properties.Created = generatedAt.UtcDateTime;
        properties.Modified = generatedAt.UtcDateTime;
        var normal = Package.Workbook.Styles.NamedStyles.First(s => s.Name == "Normal").Style;
        normal.Font.Name = FontName;
        normal.Font.Size = 10;
    }

    public ExcelPackage Package { get; }

    public bool English { get; }

    public string T(string vi, string en) => English ? en : vi;

    public ExcelWorksheet AddSheet(string name)
    {
        var sheet = Package.Workbook.Worksheets.Add(name);
        sheet.View.ShowGridLines = false;
        sheet.PrinterSettings.PaperSize = ePaperSize.A4;
        sheet.PrinterSettings.Orientation = eOrientation.Landscape;
        sheet.PrinterSettings.FitToPage = true;
        sheet.PrinterSettings.FitToWidth = 1;
        sheet.PrinterSettings.FitToHeight = 0;
        sheet.PrinterSettings.HorizontalCentered = true;
        sheet.PrinterSettings.LeftMargin = 0.5m;
        sheet.PrinterSettings.RightMargin = 0.5m;
        sheet.HeaderFooter.OddFooter.LeftAlignedText = CellText.Safe(Package.Workbook.Properties.Title).Replace("&", "&&", StringComparison.Ordinal);
        sheet.HeaderFooter.OddFooter.RightAlignedText = T("Trang &P/&N", "Page &P of &N");
        return sheet;
    }

    /// <summary>Writes the sheet's title and subtitle in rows 1–2 across <paramref name="columns"/> columns; returns the next free row.</summary>
    public int WriteTitle(ExcelWorksheet sheet, string title, string subtitle, int columns)
    {
        var t = sheet.Cells[TitleRow, 1];
        t.Value = CellText.Safe(title);
        t.Style.Font.Size = 15;
        t.Style.Font.Bold = true;
        t.Style.Font.Color.SetColor(ReportColors.Navy);
        t.Style.VerticalAlignment = ExcelVerticalAlignment.Center;
        sheet.Row(TitleRow).Height = 30; // room for Ấ, Ệ, Ổ above a 15 pt cap height
        var s = sheet.Cells[SubtitleRow, 1];
        s.Value = CellText.Safe(subtitle);
        s.Style.Font.Italic = true;
        s.Style.Font.Color.SetColor(ReportColors.GreyText);
        sheet.Row(SubtitleRow).Height = 18;
        _ = columns;
        return SubtitleRow + 2;
    }

    /// <summary>
    /// Writes a table at <paramref name="startRow"/>: a header row, then one row per item. Strings
    /// go through <see cref="CellText.Safe"/>; numbers stay numbers with the column's format. The
    /// last row is styled as a total when <paramref name="totalLast"/>.
    /// </summary>
    public TableBlock WriteTable(ExcelWorksheet sheet, int startRow, IReadOnlyList<ColumnSpec> columns, IEnumerable<IReadOnlyList<object?>> rows, bool totalLast = false, int firstColumn = 1)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            var cell = sheet.Cells[startRow, firstColumn + c];
            cell.Value = CellText.Safe(columns[c].Header); // headers may be unit names from the registry
            if (sheet.Column(firstColumn + c).Width < columns[c].Width) sheet.Column(firstColumn + c).Width = columns[c].Width;
        }
        var header = sheet.Cells[startRow, firstColumn, startRow, firstColumn + columns.Count - 1];
        header.Style.Font.Bold = true;
        header.Style.WrapText = true;
        header.Style.VerticalAlignment = ExcelVerticalAlignment.Center;
        header.Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        header.Style.Fill.PatternType = ExcelFillStyle.Solid;
        header.Style.Fill.BackgroundColor.SetColor(ReportColors.HeaderFill);
        var longest = columns.Max(c => c.Header.Length / Math.Max(4.0, c.Width));
        // Wrapped headers: about 12.5 points per line, the longest header decides (Vietnamese words are long).
        sheet.Row(startRow).Height = Math.Max(30, 13 * Math.Ceiling((longest * 1.15) + 0.3));

        var row = startRow;
        var widths = columns.Select(c => c.Width).ToArray();
        foreach (var values in rows)
        {
            row++;
            for (var c = 0; c < columns.Count && c < values.Count; c++)
            {
                var cell = sheet.Cells[row, firstColumn + c];
                switch (values[c])
                {
                    case null:
                        break;
                    case string text:
                        cell.Value = CellText.Safe(text);
                        break;
                    case DateTime date:
                        cell.Value = date;
                        cell.Style.Numberformat.Format = columns[c].Format ?? ExcelFormats.DateTime;
                        break;
                    case IConvertible number:
                        var v = Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture);
                        cell.Value = v;
                        cell.Style.Numberformat.Format = columns[c].Format ?? ExcelFormats.Count;
                        // Wide enough for the formatted number (else "###"): digits, separators, sign, padding.
                        var digits = Math.Abs(v) < 1 ? 1 : Math.Floor(Math.Log10(Math.Abs(v))) + 1;
                        widths[c] = Math.Max(widths[c], digits + Math.Floor((digits - 1) / 3) + 5);
                        break;
                    default:
                        cell.Value = CellText.Safe(values[c]!.ToString());
                        break;
                }
            }
        }
        for (var c = 0; c < columns.Count; c++)
        {
            if (sheet.Column(firstColumn + c).Width < widths[c]) sheet.Column(firstColumn + c).Width = widths[c];
        }
        var block = new TableBlock(sheet.Name, startRow, startRow + 1, row, columns.Count);
        if (row > startRow)
        {
            var body = sheet.Cells[startRow, firstColumn, row, firstColumn + columns.Count - 1];
            body.Style.Border.Top.Style = body.Style.Border.Bottom.Style = ExcelBorderStyle.Thin;
            body.Style.Border.Left.Style = body.Style.Border.Right.Style = ExcelBorderStyle.Thin;
            body.Style.Border.Top.Color.SetColor(ReportColors.Border);
            body.Style.Border.Bottom.Color.SetColor(ReportColors.Border);
            body.Style.Border.Left.Color.SetColor(ReportColors.Border);
            body.Style.Border.Right.Color.SetColor(ReportColors.Border);
            if (totalLast)
            {
                var total = sheet.Cells[row, firstColumn, row, firstColumn + columns.Count - 1];
                total.Style.Font.Bold = true;
                total.Style.Fill.PatternType = ExcelFillStyle.Solid;
                total.Style.Fill.BackgroundColor.SetColor(ReportColors.TotalFill);
            }
        }
        return block;
    }

    /// <summary>Freezes the rows down to the table header (and the first <paramref name="frozenColumns"/> columns), filters the header and repeats the title rows on every printed page.</summary>
    public static void FinishTable(ExcelWorksheet sheet, TableBlock table, int frozenColumns = 0, bool filter = true)
    {
        sheet.View.FreezePanes(table.HeaderRow + 1, frozenColumns + 1);
        if (filter && !table.IsEmpty)
        {
            sheet.Cells[table.HeaderRow, 1, table.LastRow, table.Columns].AutoFilter = true;
        }
        sheet.PrinterSettings.RepeatRows = new ExcelAddress($"${TitleRow}:${table.HeaderRow}");
    }

    /// <summary>Writes a small caption above a secondary table.</summary>
    public static void WriteCaption(ExcelWorksheet sheet, int row, string text)
    {
        var cell = sheet.Cells[row, 1];
        cell.Value = CellText.Safe(text);
        cell.Style.Font.Bold = true;
        cell.Style.Font.Size = 11;
        cell.Style.Font.Color.SetColor(ReportColors.Navy);
        sheet.Row(row).Height = 20;
    }

    /// <summary>The cover: what the report is, for whom, which period, when it was generated and from which data.</summary>
    public ExcelWorksheet AddCover(string title, string subtitle, IReadOnlyList<CoverItem> items, IReadOnlyList<(string Sheet, string About)> contents)
    {
        var sheet = AddSheet(T("Bìa", "Cover"));
        sheet.Column(1).Width = 34;
        sheet.Column(2).Width = 70;
        var t = sheet.Cells[2, 1];
        t.Value = CellText.Safe(title);
        t.Style.Font.Size = 20;
        t.Style.Font.Bold = true;
        t.Style.Font.Color.SetColor(ReportColors.Navy);
        sheet.Row(2).Height = 40; // accented capitals at 20 pt
        var s = sheet.Cells[3, 1];
        s.Value = CellText.Safe(subtitle);
        s.Style.Font.Size = 13;
        s.Style.Font.Color.SetColor(ReportColors.GreyText);
        sheet.Row(3).Height = 24;

        var row = 5;
        foreach (var item in items)
        {
            var label = sheet.Cells[row, 1];
            label.Value = CellText.Safe(item.Label);
            label.Style.Font.Bold = true;
            label.Style.VerticalAlignment = ExcelVerticalAlignment.Top;
            var value = sheet.Cells[row, 2];
            value.Style.HorizontalAlignment = ExcelHorizontalAlignment.Left;
            value.Style.WrapText = true;
            switch (item.Value)
            {
                case null:
                    break;
                case string text:
                    value.Value = CellText.Safe(text);
                    sheet.Row(row).Height = 15 * Math.Max(1, Math.Ceiling(text.Length / 80.0));
                    break;
                case DateTime date:
                    value.Value = date;
                    value.Style.Numberformat.Format = item.Format ?? ExcelFormats.DateTime;
                    break;
                case IConvertible number:
                    value.Value = Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture);
                    value.Style.Numberformat.Format = item.Format ?? ExcelFormats.Count;
                    break;
                default:
                    value.Value = CellText.Safe(item.Value.ToString());
                    break;
            }
            row++;
        }

        row++;
        WriteCaption(sheet, row++, T("Nội dung", "Contents"));
        foreach (var (name, about) in contents)
        {
            sheet.Cells[row, 1].Value = name;
            sheet.Cells[row, 1].Hyperlink = new ExcelHyperLink($"'{name}'!A1", name);
            sheet.Cells[row, 1].Style.Font.UnderLine = true;
            sheet.Cells[row, 1].Style.Font.Color.SetColor(ReportColors.Navy);
            sheet.Cells[row, 2].Value = CellText.Safe(about);
            sheet.Cells[row, 2].Style.WrapText = true;
            row++;
        }
        sheet.PrinterSettings.Orientation = eOrientation.Portrait;
        sheet.PrinterSettings.PrintArea = sheet.Cells[1, 1, row, 2];
        return sheet;
    }

    /// <summary>
    /// A native (editable) chart over cells of <paramref name="sheet"/>: categories from
    /// <paramref name="categoryColumn"/>, one series per <see cref="ChartSeriesSpec"/>, rows
    /// <paramref name="firstRow"/>–<paramref name="lastRow"/>; placed with its top-left at
    /// (<paramref name="atRow"/>, <paramref name="atColumn"/>).
    /// </summary>
    public ExcelChart AddChart(ExcelWorksheet sheet, eChartType type, string title, int categoryColumn, int firstRow, int lastRow,
        IReadOnlyList<ChartSeriesSpec> series, string valueFormat, int atRow, int atColumn, int width = 760, int height = 380,
        IReadOnlyList<string>? colours = null)
    {
        var chart = sheet.Drawings.AddChart($"chart{++_charts}", type);
        chart.Title.Text = title;
        chart.Title.Font.Size = 12;
        chart.Title.Font.Bold = true;
        foreach (var s in series)
        {
            var values = sheet.Cells[firstRow, s.Column, lastRow, s.Column];
            var categories = sheet.Cells[firstRow, categoryColumn, lastRow, categoryColumn];
            var added = chart.Series.Add(values, categories);
            // Absolute, like the value ranges, so the chart keeps naming its series if rows are sorted or moved.
            added.HeaderAddress = new ExcelAddress("'" + sheet.Name.Replace("'", "''", StringComparison.Ordinal) + "'!" + ExcelCellBase.GetAddress(s.HeaderRow, s.Column, true));
        }
        chart.Legend.Position = eLegendPosition.Bottom;
        if (series.Count == 1) chart.Legend.Remove();
        chart.YAxis.Format = valueFormat;
        chart.YAxis.MinValue = valueFormat == ExcelFormats.Percent || type is eChartType.ColumnClustered or eChartType.BarClustered or eChartType.BarStacked100 ? 0 : null;
        chart.SetPosition(atRow - 1, 0, atColumn - 1, 0);
        chart.SetSize(width, height);
        chart.RoundedCorners = false;
        if (type is eChartType.BarClustered or eChartType.BarStacked100)
        {
            // Horizontal bars list categories bottom-up by default; a ranking reads top-down.
            chart.XAxis.Orientation = eAxisOrientation.MaxMin;
        }
        if (colours is not null) Colour(chart, colours);
        return chart;
    }

    // Series colours chosen by the report (e.g. ratings best to worst); the rest get the palette in ChartXmlFixer.
    private static void Colour(ExcelChart chart, IReadOnlyList<string> colours)
    {
        const string c = "http://schemas.openxmlformats.org/drawingml/2006/chart";
        const string a = "http://schemas.openxmlformats.org/drawingml/2006/main";
        var xml = chart.ChartXml;
        var series = xml.GetElementsByTagName("ser", c);
        for (var i = 0; i < series.Count && i < colours.Count; i++)
        {
            var shape = xml.CreateElement("c", "spPr", c);
            var fill = xml.CreateElement("a", "solidFill", a);
            var rgb = xml.CreateElement("a", "srgbClr", a);
            rgb.SetAttribute("val", colours[i]);
            fill.AppendChild(rgb);
            shape.AppendChild(fill);
            series[i]!.AppendChild(shape); // ChartXmlFixer moves it to its schema position
        }
    }

    /// <summary>The package's bytes with chart XML in schema order and series coloured.</summary>
    public byte[] ToBytes()
    {
        Package.Workbook.Properties.Modified = _generatedAt.UtcDateTime;
        return ChartXmlFixer.Fix(Package.GetAsByteArray());
    }

    public void Save(string path)
    {
        var bytes = ToBytes();
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        File.WriteAllBytes(path, bytes);
    }

    public void Dispose() => Package.Dispose();
}
