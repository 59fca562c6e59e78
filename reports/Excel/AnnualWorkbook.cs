using Analytics.Reports.Charts;
using Analytics.Reports.Data;
using OfficeOpenXml.Drawing.Chart;

namespace Analytics.Reports.Excel;

/// <summary>
/// The annual report of a unit: cover; every indicator for the year by child unit; the yearly trend
/// over the term; rankings of the child units on the rate indicators; ratings by sector.
/// </summary>
public static class AnnualWorkbook
{
    public static byte[] Build(AnnualReportData data)
    {
        var h = data.Header;
        var en = h.English;
        var title = en ? $"Annual report {data.Year} — {h.UnitName}" : $"Báo cáo năm {data.Year} — {h.UnitName}";
        using var book = new ReportWorkbook(en, h.GeneratedAt, title);
        var yearSheet = book.T("Số liệu năm", "Year figures");
        var trendSheet = book.T("Xu hướng nhiệm kỳ", "Term trend");
        var rankSheet = book.T("Xếp hạng", "Rankings");
        var ratingSheet = book.T("Xếp loại theo khu vực", "Ratings by sector");
        book.AddCover(title, h.PeriodLabel, CoverItems.For(h, en ? "Annual report" : "Báo cáo năm"),
        [
            (yearSheet, book.T("Mọi chỉ tiêu của năm theo đơn vị trực thuộc, dòng cuối là toàn đơn vị", "Every indicator for the year by child unit; the last row is the whole unit")),
            (trendSheet, book.T($"Các chỉ tiêu qua các năm của nhiệm kỳ {data.Term}, có biểu đồ", $"Indicators year by year over the term {data.Term}, with charts")),
            (rankSheet, book.T("Xếp hạng các đơn vị trực thuộc theo các chỉ tiêu tỷ lệ", "Child units ranked on the rate indicators")),
            (ratingSheet, book.T("Kết quả xếp loại công đoàn cơ sở theo khu vực", "Grassroots union ratings by sector")),
        ]);
        WriteYear(book, yearSheet, data);
        WriteTrend(book, trendSheet, data);
        WriteRankings(book, rankSheet, data);
        WriteRatings(book, ratingSheet, data);
        return book.ToBytes();
    }

    private static void WriteYear(ReportWorkbook book, string name, AnnualReportData data)
    {
        var h = data.Header;
        var sheet = book.AddSheet(name);
        var values = data.Values.ToDictionary(v => (v.UnitCode, v.IndicatorCode), v => v.Value);
        // Indicators down the rows, units across, the whole unit last: prints on A4 and filters by indicator.
        var units = data.Children.Append(new ChildUnit(h.UnitCode, h.English ? $"Total: {h.UnitName}" : $"Toàn đơn vị: {h.UnitName}")).ToList();
        var columns = new List<ColumnSpec> { new(book.T("Mã chỉ tiêu", "Code"), 22), new(book.T("Chỉ tiêu", "Indicator"), 50), new(book.T("Đơn vị tính", "Unit"), 12) };
        columns.AddRange(units.Select(u => new ColumnSpec(u.Name, 16)));
        var start = book.WriteTitle(sheet, book.T($"Số liệu năm {data.Year} theo đơn vị", $"Figures for {data.Year} by unit"),
            book.T($"{h.UnitName}; chỉ tiêu thời điểm lấy số cuối năm, chỉ tiêu thời kỳ cộng cả năm, tỷ lệ tính từ tổng tử số và mẫu số",
                $"{h.UnitName}; stocks at year end, flows summed over the year, rates from summed numerators and denominators"), columns.Count);
        var table = book.WriteTable(sheet, start, columns, data.Indicators.Select(i =>
        {
            var row = new List<object?> { i.Code, i.Name, i.Unit };
            row.AddRange(units.Select(u => values.TryGetValue((u.UnitCode, i.Code), out var v) ? (object?)v : null));
            return (IReadOnlyList<object?>)row;
        }));
        for (var r = 0; r < data.Indicators.Count; r++)
        {
            sheet.Cells[table.FirstRow + r, 4, table.FirstRow + r, 3 + units.Count].Style.Numberformat.Format = ExcelFormats.For(data.Indicators[r].Format);
        }
        if (!table.IsEmpty)
        {
            var total = sheet.Cells[table.HeaderRow, 3 + units.Count, table.LastRow, 3 + units.Count];
            total.Style.Font.Bold = true;
            total.Style.Fill.PatternType = OfficeOpenXml.Style.ExcelFillStyle.Solid;
            total.Style.Fill.BackgroundColor.SetColor(ReportColors.TotalFill);
        }
        ReportWorkbook.FinishTable(sheet, table, frozenColumns: 3);
        sheet.Row(table.HeaderRow).Height = 45; // unit names wrap over up to three lines
    }

    private static void WriteTrend(ReportWorkbook book, string name, AnnualReportData data)
    {
        var h = data.Header;
        var sheet = book.AddSheet(name);
        var years = data.Trend.Select(t => (t.PeriodCode, t.PeriodLabel)).Distinct().OrderBy(p => p.PeriodCode, StringComparer.Ordinal).ToList();
        var indicators = data.Indicators.Where(i => data.Trend.Any(t => t.IndicatorCode == i.Code)).ToList();
        var columns = new List<ColumnSpec> { new(book.T("Mã chỉ tiêu", "Code"), 22), new(book.T("Chỉ tiêu", "Indicator"), 50), new(book.T("Đơn vị tính", "Unit"), 12) };
        columns.AddRange(years.Select(y => new ColumnSpec(y.PeriodLabel, 14)));
        var start = book.WriteTitle(sheet, book.T($"Các chỉ tiêu qua các năm, nhiệm kỳ {data.Term}", $"Indicators year by year, term {data.Term}"), h.UnitName, columns.Count);
        var values = data.Trend.ToDictionary(t => (t.IndicatorCode, t.PeriodCode), t => t.Value);
        var table = book.WriteTable(sheet, start, columns, indicators.Select(i =>
        {
            var row = new List<object?> { i.Code, i.Name, i.Unit };
            row.AddRange(years.Select(y => values.TryGetValue((i.Code, y.PeriodCode), out var v) ? (object?)v : null));
            return (IReadOnlyList<object?>)row;
        }));
        for (var r = 0; r < indicators.Count; r++)
        {
            sheet.Cells[table.FirstRow + r, 4, table.FirstRow + r, 3 + years.Count].Style.Numberformat.Format = ExcelFormats.For(indicators[r].Format);
        }
        ReportWorkbook.FinishTable(sheet, table, frozenColumns: 3);
        if (table.IsEmpty || years.Count == 0) return;

        // Charts read a row of the table as a series: a small block per charted indicator, periods down
        // the rows, so each chart's ranges are plain columns.
        var at = table.LastRow + 3;
        foreach (var indicator in indicators.Where(i => ChartedTrend.Contains(i.Code)))
        {
            sheet.Cells[at, 1].Value = book.T("Năm", "Year");
            sheet.Cells[at, 2].Value = CellText.Safe($"{indicator.Name} ({indicator.Unit})");
            for (var y = 0; y < years.Count; y++)
            {
                sheet.Cells[at + 1 + y, 1].Value = CellText.Safe(years[y].PeriodLabel);
                if (values.TryGetValue((indicator.Code, years[y].PeriodCode), out var v))
                {
                    sheet.Cells[at + 1 + y, 2].Value = v;
                    sheet.Cells[at + 1 + y, 2].Style.Numberformat.Format = ExcelFormats.For(indicator.Format);
                }
            }
            book.AddChart(sheet, eChartType.LineMarkers, $"{indicator.Name} ({indicator.Unit})", 1, at + 1, at + years.Count,
                [new ChartSeriesSpec(at, 2)], ExcelFormats.For(indicator.Format), at, 4, 720, 340);
            at += Math.Max(years.Count + 3, 19);
        }
    }

    /// <summary>The indicators whose term trend is charted (the rest are in the table).</summary>
    public static readonly IReadOnlyList<string> ChartedTrend = ["members", "membership_rate", "members_admitted", "finance_attainment"];

    private static void WriteRankings(ReportWorkbook book, string name, AnnualReportData data)
    {
        var h = data.Header;
        var sheet = book.AddSheet(name);
        var start = book.WriteTitle(sheet, book.T($"Xếp hạng đơn vị trực thuộc năm {data.Year}", $"Child units ranked, {data.Year}"),
            book.T($"{h.UnitName}; hạng 1 là cao nhất", $"{h.UnitName}; rank 1 is the highest"), 4);
        var row = start;
        var first = true;
        foreach (var code in data.RankingIndicators)
        {
            var indicator = data.Indicators.FirstOrDefault(i => i.Code == code);
            if (indicator is null) continue;
            var ranked = Ranked(data, code);
            if (ranked.Count == 0) continue;
            ReportWorkbook.WriteCaption(sheet, row, $"{indicator.Name} ({indicator.Unit})");
            ColumnSpec[] columns =
            [
                new(book.T("Hạng", "Rank"), 8),
                new(book.T("Mã đơn vị", "Unit code"), 14),
                new(book.T("Đơn vị", "Unit"), 40),
                new(indicator.Name, 18, ExcelFormats.For(indicator.Format)),
            ];
            var table = book.WriteTable(sheet, row + 1, columns, ranked.Select(r => (IReadOnlyList<object?>)[r.Rank, r.Unit.UnitCode, r.Unit.Name, r.Value]));
            if (first)
            {
                ReportWorkbook.FinishTable(sheet, table, frozenColumns: 0, filter: false);
                first = false;
            }
            book.AddChart(sheet, eChartType.BarClustered, $"{indicator.Name} — {data.Year}", 3, table.FirstRow, table.LastRow,
                [new ChartSeriesSpec(table.HeaderRow, 4)], ExcelFormats.For(indicator.Format), table.HeaderRow, 6, 640, Math.Max(260, 24 * ranked.Count + 90));
            row = Math.Max(table.LastRow + 3, table.HeaderRow + (Math.Max(260, (24 * ranked.Count) + 90) / 20) + 2);
        }
        if (first)
        {
            sheet.Cells[start, 1].Value = book.T("Không có số liệu để xếp hạng.", "No figures to rank.");
        }
    }

    /// <summary>Children with a value, highest first, ties by code; equal values share a rank.</summary>
    public static List<(int Rank, ChildUnit Unit, double Value)> Ranked(AnnualReportData data, string indicator)
    {
        var values = data.Values.Where(v => v.IndicatorCode == indicator).ToDictionary(v => v.UnitCode, v => v.Value);
        var sorted = data.Children.Where(c => values.ContainsKey(c.UnitCode))
            .Select(c => (Unit: c, Value: values[c.UnitCode]))
            .OrderByDescending(x => x.Value).ThenBy(x => x.Unit.UnitCode, StringComparer.Ordinal).ToList();
        var result = new List<(int, ChildUnit, double)>();
        for (var i = 0; i < sorted.Count; i++)
        {
            var rank = i > 0 && sorted[i].Value == sorted[i - 1].Value ? result[i - 1].Item1 : i + 1;
            result.Add((rank, sorted[i].Unit, sorted[i].Value));
        }
        return result;
    }

    private static void WriteRatings(ReportWorkbook book, string name, AnnualReportData data)
    {
        var h = data.Header;
        var en = book.English;
        var sheet = book.AddSheet(name);
        var columns = new List<ColumnSpec> { new(book.T("Khu vực", "Sector"), 40) };
        columns.AddRange(ReportWords.Ratings.Select(r => new ColumnSpec(ReportWords.Rating(r, en), 14)));
        columns.Add(new(book.T("Tổng số", "Total"), 12));
        columns.Add(new(book.T("Tỷ lệ tốt trở lên", "Good or better"), 14, ExcelFormats.Percent));
        var start = book.WriteTitle(sheet, book.T($"Xếp loại công đoàn cơ sở năm {data.Year} theo khu vực", $"Grassroots union ratings {data.Year} by sector"),
            book.T($"{h.UnitName}; số CĐCS theo mức xếp loại", $"{h.UnitName}; grassroots unions per rating"), columns.Count);
        var sectors = Analytics.Warehouse.Vocabulary.Sector.Codes.Where(s => data.Ratings.Any(r => r.Sector == s)).ToList();
        var rows = sectors.Select(s => RatingRow(ReportWords.Sector(s, en), data.Ratings.Where(r => r.Sector == s))).ToList();
        rows.Add(RatingRow(book.T("Tổng cộng", "All sectors"), data.Ratings));
        var table = book.WriteTable(sheet, start, columns, rows, totalLast: true);
        ReportWorkbook.FinishTable(sheet, table, frozenColumns: 1, filter: false);
        if (sectors.Count == 0) return;

        // Shares of each rating per sector, as a 100% stacked bar: one series per rating, colours best to worst.
        var series = ReportWords.Ratings.Select((_, i) => new ChartSeriesSpec(table.HeaderRow, 2 + i)).ToList();
        var chart = book.AddChart(sheet, eChartType.BarStacked100, book.T($"Xếp loại CĐCS năm {data.Year} theo khu vực", $"Grassroots ratings {data.Year} by sector"),
            1, table.FirstRow, table.LastRow - 1, series, "0%", table.LastRow + 3, 1, 760, 320, RatingColours);
        chart.Legend.Position = eLegendPosition.Bottom;
    }

    // Best to worst, as the chart images (ReportCharts.StackedBars) colour four parts.
    private static readonly IReadOnlyList<string> RatingColours = ["1E6B3F", "6AAA64", "E3B448", "C0392B"];

    private static IReadOnlyList<object?> RatingRow(string label, IEnumerable<SectorRating> ratings)
    {
        var counts = ReportWords.Ratings.Select(r => ratings.Where(x => x.Rating == r).Sum(x => x.Units)).ToList();
        var total = counts.Sum();
        var row = new List<object?> { label };
        row.AddRange(counts.Select(c => (object?)c));
        row.Add(total);
        row.Add(total == 0 ? null : (double)(counts[0] + counts[1]) / total);
        return row;
    }

    /// <summary>Value format of an indicator in a chart spec or workbook.</summary>
    public static ValueFormat FormatOf(AnnualReportData data, string code) => data.Indicators.FirstOrDefault(i => i.Code == code)?.Format ?? ValueFormat.Count;
}
