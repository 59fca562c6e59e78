using Analytics.Reports.Data;
using OfficeOpenXml;
using OfficeOpenXml.Drawing.Chart;
using OfficeOpenXml.Style;

namespace Analytics.Reports.Excel;

/// <summary>
/// The scorecard of a plan: cover; every target with its actual, target, attainment ratio, status
/// (coloured by conditional formats the reader can see and change) and the explanation; then one
/// chart of attainment per target group.
/// </summary>
public static class PlanScorecardWorkbook
{
    public static byte[] Build(PlanScorecardData data)
    {
        var h = data.Header;
        var en = h.English;
        var title = en ? $"Plan scorecard {data.PlanNumber}" : $"Kết quả thực hiện chỉ tiêu {data.PlanNumber}";
        using var book = new ReportWorkbook(en, h.GeneratedAt, title);
        var targetSheet = book.T("Chỉ tiêu", "Targets");
        var groupSheet = book.T("Theo nhóm", "By group");
        var items = CoverItems.For(h, en ? "Plan scorecard" : "Bảng theo dõi thực hiện chỉ tiêu kế hoạch");
        items.Insert(1, new(en ? "Plan" : "Kế hoạch", $"{data.PlanNumber} — {data.PlanTitle} ({data.Term})"));
        if (Missing(data) is { } missing)
        {
            // The plan's own reason replaces the general one.
            items.RemoveAll(i => i.Label == CoverItems.MissingLabel(en));
            items.Insert(2, new(CoverItems.MissingLabel(en), missing));
        }
        foreach (var status in Enum.GetValues<TargetStatus>())
        {
            var n = data.Targets.Count(t => t.Status == status);
            if (n > 0) items.Add(new(ReportWords.Status(status, en), n));
        }
        book.AddCover(title, data.PlanTitle, items,
        [
            (targetSheet, book.T("Từng chỉ tiêu: thực hiện, chỉ tiêu, tỷ lệ đạt, tình trạng và giải thích", "Every target: actual, target, attainment, status and explanation")),
            (groupSheet, book.T("Tỷ lệ đạt theo nhóm chỉ tiêu, mỗi nhóm một biểu đồ", "Attainment by target group, one chart per group")),
        ]);
        WriteTargets(book, targetSheet, data);
        WriteGroups(book, groupSheet, data);
        return book.ToBytes();
    }

    /// <summary>What the scorecard lacks, said plainly on its cover (null when it has targets for the period and data).</summary>
    public static string? Missing(PlanScorecardData data)
    {
        var en = data.Header.English;
        var period = data.Header.PeriodCode;
        if (data.Targets.Count == 0)
            return en ? "The plan sets no targets: there is nothing to score." : "Kế hoạch không đặt chỉ tiêu nào: không có gì để đánh giá.";
        if (data.TargetsInPeriod == 0)
            return en ? $"The plan sets no target for {period} (its term is {data.Term}); the figures shown are those of its own years."
                : $"Kế hoạch không có chỉ tiêu cho kỳ {period} (thời hạn {data.Term}); số liệu dưới đây là của các năm thuộc kế hoạch.";
        if (!data.HasData)
            return en ? $"No submission in the unit's scope measures any target for {period}."
                : $"Chưa có báo cáo nào trong phạm vi đơn vị đo được chỉ tiêu cho kỳ {period}.";
        return null;
    }

    private static void WriteTargets(ReportWorkbook book, string name, PlanScorecardData data)
    {
        var en = book.English;
        var sheet = book.AddSheet(name);
        ColumnSpec[] columns =
        [
            new(book.T("Mã", "Id"), 10),
            new(book.T("Nhóm", "Group"), 18),
            new(book.T("Chỉ tiêu", "Target"), 50),
            new(book.T("Năm / kỳ", "Year / period"), 11),
            new(book.T("Thực hiện", "Actual"), 14),
            new(book.T("Chỉ tiêu đặt ra", "Target value"), 14),
            new(book.T("Mức chỉ tiêu", "As written"), 16),
            new(book.T("Tỷ lệ đạt", "Attainment"), 11, ExcelFormats.Percent),
            new(book.T("Tình trạng", "Status"), 18),
            new(book.T("Giải thích", "Explanation"), 60),
        ];
        var start = book.WriteTitle(sheet, book.T($"Kết quả thực hiện chỉ tiêu — {data.PlanNumber}", $"Targets — {data.PlanNumber}"),
            $"{data.PlanTitle}; {data.Header.PeriodLabel}", columns.Length);
        var table = book.WriteTable(sheet, start, columns, data.Targets.Select(t => (IReadOnlyList<object?>)
            [t.TargetId, t.GroupLabel, t.Text, t.Period, t.Actual, t.Target, t.TargetText, t.Ratio, ReportWords.Status(t.Status, en), t.Explanation]));
        for (var i = 0; i < data.Targets.Count; i++)
        {
            var format = ExcelFormats.For(data.Targets[i].Format);
            sheet.Cells[table.FirstRow + i, 5, table.FirstRow + i, 6].Style.Numberformat.Format = format;
        }
        if (!table.IsEmpty)
        {
            sheet.Cells[table.FirstRow, 3, table.LastRow, 3].Style.WrapText = true;
            sheet.Cells[table.FirstRow, 10, table.LastRow, 10].Style.WrapText = true;
            sheet.Cells[table.FirstRow, 1, table.LastRow, columns.Length].Style.VerticalAlignment = ExcelVerticalAlignment.Top;
            for (var r = table.FirstRow; r <= table.LastRow; r++)
            {
                var t = data.Targets[r - table.FirstRow];
                var lines = Math.Max(Math.Ceiling(t.Text.Length / 55.0), Math.Ceiling(t.Explanation.Length / 65.0));
                sheet.Row(r).Height = Math.Max(15, 13.5 * lines);
            }
            var status = new ExcelAddress(table.FirstRow, 9, table.LastRow, 9);
            Colour(sheet, status, ReportWords.Status(TargetStatus.Achieved, en), ReportColors.AchievedFill, ReportColors.AchievedText);
            Colour(sheet, status, ReportWords.Status(TargetStatus.OnTrack, en), ReportColors.AchievedFill, ReportColors.AchievedText);
            Colour(sheet, status, ReportWords.Status(TargetStatus.AtRisk, en), ReportColors.AtRiskFill, ReportColors.AtRiskText);
            Colour(sheet, status, ReportWords.Status(TargetStatus.NotAchieved, en), ReportColors.MissedFill, ReportColors.MissedText);
        }
        ReportWorkbook.FinishTable(sheet, table, frozenColumns: 3);
    }

    // A conditional format, not a fixed fill: the reader who edits a status sees the colour follow.
    private static void Colour(ExcelWorksheet sheet, ExcelAddress address, string status, System.Drawing.Color fill, System.Drawing.Color text)
    {
        var rule = sheet.ConditionalFormatting.AddEqual(address);
        rule.Formula = "\"" + status.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        rule.Style.Fill.PatternType = ExcelFillStyle.Solid;
        rule.Style.Fill.BackgroundColor.Color = fill;
        rule.Style.Font.Color.Color = text;
    }

    private static void WriteGroups(ReportWorkbook book, string name, PlanScorecardData data)
    {
        var sheet = book.AddSheet(name);
        var start = book.WriteTitle(sheet, book.T($"Tỷ lệ đạt theo nhóm chỉ tiêu — {data.PlanNumber}", $"Attainment by target group — {data.PlanNumber}"),
            book.T("Tỷ lệ đạt = thực hiện / chỉ tiêu; 100% là đạt (với chỉ tiêu mức trần: chỉ tiêu / thực hiện)", "Attainment = actual / target; 100% meets the target (for ceilings: target / actual)"), 4);
        var row = start;
        var first = true;
        foreach (var group in data.Targets.Where(t => t.Ratio is not null).GroupBy(t => t.Group))
        {
            var targets = group.ToList();
            ReportWorkbook.WriteCaption(sheet, row, targets[0].GroupLabel);
            ColumnSpec[] columns =
            [
                new(book.T("Mã", "Id"), 10),
                new(book.T("Chỉ tiêu", "Target"), 50),
                new(book.T("Năm / kỳ", "Year / period"), 11),
                new(book.T("Tỷ lệ đạt", "Attainment"), 12, ExcelFormats.Percent),
            ];
            var table = book.WriteTable(sheet, row + 1, columns, targets.Select(t => (IReadOnlyList<object?>)[t.TargetId, $"{t.TargetId} {Shorten(t.Text)}", t.Period, t.Ratio]));
            if (first)
            {
                ReportWorkbook.FinishTable(sheet, table, filter: false);
                first = false;
            }
            var height = Math.Max(240, (26 * targets.Count) + 100);
            book.AddChart(sheet, eChartType.BarClustered, targets[0].GroupLabel, 2, table.FirstRow, table.LastRow,
                [new ChartSeriesSpec(table.HeaderRow, 4)], ExcelFormats.Percent, table.HeaderRow, 6, 620, height);
            row = Math.Max(table.LastRow + 3, table.HeaderRow + (height / 20) + 2);
        }
        if (first) sheet.Cells[start, 1].Value = book.T("Chưa có chỉ tiêu nào có số liệu.", "No target has figures yet.");
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";
}
