using Analytics.Warehouse.Vocabulary;
using OfficeOpenXml;
using OfficeOpenXml.Style;

namespace Analytics.Etl.Ingest;

/// <summary>
/// The answer to a unit whose workbook was refused: a copy of its own file with each offending
/// cell filled red and the reason in a comment, plus a sheet listing every message — ready to send back.
/// </summary>
public static class FeedbackWorkbook
{
    private static readonly System.Drawing.Color ErrorFill = System.Drawing.Color.FromArgb(0xF8, 0xCB, 0xAD);
    private static readonly System.Drawing.Color WarningFill = System.Drawing.Color.FromArgb(0xFF, 0xEB, 0x9C);

    public static string Write(string sourcePath, IReadOnlyList<ValidatedSubmission> refused, string directory, bool english)
    {
        Directory.CreateDirectory(directory);
        var target = Path.Combine(directory, Path.GetFileNameWithoutExtension(sourcePath) + (english ? ".feedback" : ".phan-hoi") + Path.GetExtension(sourcePath));
        using var package = new ExcelPackage(new FileInfo(sourcePath));
        var sheet = package.Workbook.Worksheets.First();
        if (sheet.Protection.IsProtected) sheet.Protection.IsProtected = false; // so the unit can correct any cell

        var list = package.Workbook.Worksheets[english ? "Problems" : "Lỗi"] ?? package.Workbook.Worksheets.Add(english ? "Problems" : "Lỗi");
        string[] headers = english
            ? ["Unit", "Period", "Cell / row", "Indicator", "Rule", "Severity", "Message"]
            : ["Đơn vị", "Kỳ", "Ô / dòng", "Chỉ tiêu", "Mã lỗi", "Mức độ", "Nội dung"];
        for (var c = 0; c < headers.Length; c++) list.Cells[1, c + 1].Value = headers[c];
        list.Cells[1, 1, 1, headers.Length].Style.Font.Bold = true;
        var row = 2;
        foreach (var submission in refused)
        {
            foreach (var message in submission.Messages)
            {
                var address = message.Cell ?? (message.Row is { } r ? $"A{r}" : null);
                if (address is not null && IsA1(address))
                {
                    var cell = sheet.Cells[address];
                    cell.Style.Fill.PatternType = ExcelFillStyle.Solid;
                    cell.Style.Fill.BackgroundColor.SetColor(message.Severity == Severity.Error ? ErrorFill : WarningFill);
                    var text = $"[{message.RuleId}] {message.Text.In(english)}";
                    if (cell.Comment is null) cell.AddComment(text, "Analytics");
                    else cell.Comment.Text += "\n" + text;
                }
                // Submitted text is data, never a formula: it is written as a plain string value.
                list.Cells[row, 1].Value = Safe(submission.UnitCode);
                list.Cells[row, 2].Value = Safe(submission.PeriodCode);
                list.Cells[row, 3].Value = address ?? "";
                list.Cells[row, 4].Value = Safe(message.Indicator ?? "");
                list.Cells[row, 5].Value = message.RuleId;
                list.Cells[row, 6].Value = message.Severity == Severity.Error ? (english ? "error" : "lỗi") : (english ? "warning" : "cảnh báo");
                list.Cells[row, 7].Value = Safe(message.Text.In(english));
                row++;
            }
        }
        double[] widths = [18, 12, 12, 22, 9, 10, 100];
        for (var c = 0; c < widths.Length; c++) list.Column(c + 1).Width = widths[c];
        list.View.FreezePanes(2, 1);
        package.Workbook.Worksheets.MoveToStart(list.Name);
        package.SaveAs(new FileInfo(target));
        return target;
    }

    private static bool IsA1(string address) =>
        address.Length >= 2 && char.IsLetter(address[0]) && char.IsDigit(address[^1]) && address.All(char.IsLetterOrDigit);

    private static string Safe(string text) => SpreadsheetText.Safe(text);
}
