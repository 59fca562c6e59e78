using Analytics.Reports.Data;
using OfficeOpenXml.Drawing.Chart;

namespace Analytics.Reports.Excel;

/// <summary>
/// The monthly report of a unit: cover; key indicators for the month and year to date against the
/// same period last year, by child unit; completeness (who is late or missing); the trend.
/// </summary>
public static class MonthlyWorkbook
{
    public static byte[] Build(MonthlyReportData data)
    {
        var h = data.Header;
        var en = h.English;
        var title = en ? $"Monthly report — {h.UnitName}" : $"Báo cáo tháng — {h.UnitName}";
        using var book = new ReportWorkbook(en, h.GeneratedAt, title);
        var keySheet = book.T("Chỉ tiêu chủ yếu", "Key indicators");
        var completenessSheet = book.T("Tình hình báo cáo", "Completeness");
        var trendSheet = book.T("Xu hướng", "Trend");
        book.AddCover(title, h.PeriodLabel, CoverItems.For(h, en ? "Monthly report" : "Báo cáo tháng"),
        [
            (keySheet, book.T("Các chỉ tiêu chủ yếu trong tháng và lũy kế từ đầu năm so với cùng kỳ năm trước, theo đơn vị trực thuộc",
                "Key indicators for the month and year to date against the same period last year, by child unit")),
            (completenessSheet, book.T($"Tình hình nộp báo cáo kỳ {data.CompletenessPeriodCode}: đơn vị nộp trễ hạn, chưa nộp",
                $"Reporting for {data.CompletenessPeriodCode}: who is late or missing")),
            (trendSheet, book.T("Diễn biến các chỉ tiêu chủ yếu theo kỳ, có biểu đồ", "Key indicators period by period, with a chart")),
        ]);

        WriteKeyIndicators(book, keySheet, data);
        WriteCompleteness(book, completenessSheet, data);
        WriteTrend(book, trendSheet, data);
        return book.ToBytes();
    }

    private static void WriteKeyIndicators(ReportWorkbook book, string name, MonthlyReportData data)
    {
        var h = data.Header;
        var sheet = book.AddSheet(name);
        ColumnSpec[] columns =
        [
            new(book.T("Mã đơn vị", "Unit code"), 14),
            new(book.T("Đơn vị", "Unit"), 40),
            new(book.T("Chỉ tiêu", "Indicator"), 44),
            new(book.T("Đơn vị tính", "Unit of measure"), 12),
            new(book.T("Trong tháng", "This month"), 14),
            new(book.T("Lũy kế từ đầu năm", "Year to date"), 16),
            new(book.T("Cùng kỳ năm trước", "Same period last year"), 16),
            new(book.T("Tăng, giảm so với cùng kỳ", "Change on last year"), 14, ExcelFormats.Change),
        ];
        var start = book.WriteTitle(sheet, book.T($"Các chỉ tiêu chủ yếu — {h.PeriodLabel}", $"Key indicators — {h.PeriodLabel}"),
            book.T($"{h.UnitName}; cùng kỳ: {data.SamePeriodLastYearLabel}", $"{h.UnitName}; same period: {data.SamePeriodLastYearLabel}"), columns.Length);
        var names = data.Children.ToDictionary(c => c.UnitCode, c => c.Name);
        var rows = new List<IReadOnlyList<object?>>();
        var formats = new List<string>();
        foreach (var indicator in data.Indicators)
        {
            foreach (var f in data.Figures.Where(f => f.IndicatorCode == indicator.Code))
            {
                rows.Add([f.UnitCode, f.UnitName, indicator.Name, indicator.Unit, f.Month, f.YearToDate, f.SamePeriodLastYear, f.Change]);
                formats.Add(ExcelFormats.For(indicator.Format));
            }
        }
        var table = book.WriteTable(sheet, start, columns, rows);
        for (var i = 0; i < formats.Count; i++)
        {
            sheet.Cells[table.FirstRow + i, 5, table.FirstRow + i, 7].Style.Numberformat.Format = formats[i];
            if (rows[i][0] is string code && code == h.UnitCode)
            {
                sheet.Cells[table.FirstRow + i, 1, table.FirstRow + i, columns.Length].Style.Font.Bold = true;
            }
        }
        ReportWorkbook.FinishTable(sheet, table, frozenColumns: 2);
    }

    private static void WriteCompleteness(ReportWorkbook book, string name, MonthlyReportData data)
    {
        var c = data.Completeness;
        var sheet = book.AddSheet(name);
        ColumnSpec[] columns =
        [
            new(book.T("Mã đơn vị", "Unit code"), 14),
            new(book.T("Đơn vị", "Unit"), 40),
            new(book.T("Cấp", "Level"), 6),
            new(book.T("Phải nộp", "Expected"), 11),
            new(book.T("Đã nộp", "Received"), 11),
            new(book.T("Đúng hạn", "On time"), 11),
            new(book.T("Trễ hạn", "Late"), 11),
            new(book.T("Chưa nộp", "Missing"), 11),
            new(book.T("Tỷ lệ đã nộp", "Received %"), 12, ExcelFormats.Percent),
        ];
        var deadline = c.Deadline is { } d ? d.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : "—";
        var start = book.WriteTitle(sheet,
            book.T($"Tình hình nộp báo cáo kỳ {c.PeriodCode}", $"Reporting for {c.PeriodCode}"),
            book.T($"Hạn nộp trước ngày {deadline}; tính đến {c.AsOf:dd/MM/yyyy HH:mm}", $"Due before {deadline}; as of {c.AsOf:dd/MM/yyyy HH:mm}"),
            columns.Length);
        var table = book.WriteTable(sheet, start, columns,
            c.Units.Select(u => (IReadOnlyList<object?>)[u.UnitCode, u.Name, u.Level, u.Expected, u.Received, u.OnTime, u.Late, u.Missing, u.ReceivedShare]));
        ReportWorkbook.FinishTable(sheet, table, frozenColumns: 2);

        var row = table.LastRow + 3;
        ReportWorkbook.WriteCaption(sheet, row, book.T("Công đoàn cơ sở nộp trễ hạn hoặc chưa nộp", "Grassroots units late or missing"));
        ColumnSpec[] late =
        [
            new(book.T("Mã đơn vị", "Unit code"), 14),
            new(book.T("Đơn vị", "Unit"), 40),
            new(book.T("Cấp trên", "Parent"), 6),
            new(book.T("Tình trạng", "Status"), 11),
            new(book.T("Ngày nhận", "Received"), 11, ExcelFormats.DateTime),
            new(book.T("Số lần bị từ chối", "Refused"), 11),
        ];
        var lateTable = book.WriteTable(sheet, row + 1, late,
            c.LateOrMissing.Select(g => (IReadOnlyList<object?>)[g.UnitCode, g.Name, g.ParentCode, ReportWords.CompletenessStatus(g.Status, book.English), g.ReceivedAt, g.RefusedCount]));
        if (lateTable.IsEmpty)
        {
            sheet.Cells[lateTable.FirstRow, 1].Value = book.T("Không có đơn vị nộp trễ hạn hoặc chưa nộp.", "No unit is late or missing.");
        }
    }

    private static void WriteTrend(ReportWorkbook book, string name, MonthlyReportData data)
    {
        var h = data.Header;
        var sheet = book.AddSheet(name);
        var periods = data.Trend.Select(t => (t.PeriodCode, t.PeriodLabel)).Distinct().ToList();
        var indicators = data.Indicators.Where(i => data.Trend.Any(t => t.IndicatorCode == i.Code)).ToList();
        var columns = new List<ColumnSpec> { new(book.T("Kỳ", "Period"), 18) };
        columns.AddRange(indicators.Select(i => new ColumnSpec($"{i.Name} ({i.Unit})", 18, ExcelFormats.For(i.Format))));
        var start = book.WriteTitle(sheet, book.T($"Diễn biến các chỉ tiêu chủ yếu — {h.UnitName}", $"Key indicators over time — {h.UnitName}"),
            book.T("Số liệu theo kỳ báo cáo; chỉ tiêu thời điểm lấy số cuối kỳ, chỉ tiêu thời kỳ cộng trong kỳ", "Figures per period: stocks at period end, flows summed over the period"),
            columns.Count);
        var values = data.Trend.ToDictionary(t => (t.IndicatorCode, t.PeriodCode), t => t.Value);
        var table = book.WriteTable(sheet, start, columns, periods.Select(p =>
        {
            var row = new List<object?> { p.PeriodLabel };
            row.AddRange(indicators.Select(i => values.TryGetValue((i.Code, p.PeriodCode), out var v) ? (object?)v : null));
            return (IReadOnlyList<object?>)row;
        }));
        ReportWorkbook.FinishTable(sheet, table, frozenColumns: 1, filter: false);
        if (table.IsEmpty) return;
        // One chart per indicator: counts of different sizes would flatten each other on one axis.
        var at = table.LastRow + 3;
        for (var i = 0; i < indicators.Count; i++)
        {
            book.AddChart(sheet, eChartType.LineMarkers, $"{indicators[i].Name} ({indicators[i].Unit})", 1, table.FirstRow, table.LastRow,
                [new ChartSeriesSpec(table.HeaderRow, i + 2)], ExcelFormats.For(indicators[i].Format), at + (i * 20), 1, 720, 360);
        }
    }
}
