using System.Text;
using Analytics.Etl.Files;
using Analytics.Warehouse.Store;
using DuckDB.NET.Data;
using OfficeOpenXml;
using OfficeOpenXml.DataValidation;
using OfficeOpenXml.Style;

namespace Analytics.Etl.Ingest;

/// <summary>
/// The official submission template: a Vietnamese workbook with the unit and period in labelled
/// cells and a table of the indicators the unit reports for that period type. The unit fills
/// "Giá trị" and sends it back; <see cref="Read(string)"/> finds the labels and the table wherever they
/// are on the first sheet, so a unit inserting a row above does not break it.
/// </summary>
public static class SubmissionTemplate
{
    public const string UnitCodeLabel = "Mã đơn vị";
    public const string UnitNameLabel = "Tên đơn vị";
    public const string PeriodLabel = "Kỳ báo cáo";
    public const string PeriodCodeLabel = "Mã kỳ";
    public const string CodeHeader = "Mã chỉ tiêu";
    public const string NameHeader = "Tên chỉ tiêu";
    public const string UnitHeader = "Đơn vị tính";
    public const string ValueHeader = "Giá trị";
    public const string NoteHeader = "Ghi chú";

    private const int ScanRows = 30;

    /// <summary>Writes the template for a unit and period; returns the indicator codes listed.</summary>
    public static IReadOnlyList<string> Write(DuckDBConnection connection, string unitCode, string periodText, string outPath)
    {
        var periodCode = ValueParsing.PeriodCode(periodText, out var periodError)
            ?? throw new ArgumentException(periodError!.Value.Vi + " / " + periodError.Value.En, nameof(periodText));
        var context = IngestContext.Load(connection);
        var period = context.Periods[periodCode];
        var unit = context.UnitOn(unitCode, period.End)
            ?? throw new ArgumentException($"Đơn vị '{unitCode}' không có hoặc không hoạt động trong kỳ {period.LabelVi} / unit '{unitCode}' unknown or not active in {period.Code}", nameof(unitCode));
        var indicators = context.Indicators.Values
            .Where(i => i.ReportableBy(unit, period.Type, context.HasGrassrootsChildren(unit.Code, period)))
            .OrderBy(i => i.Id)
            .ToList();

        using var package = new ExcelPackage();
        var sheet = package.Workbook.Worksheets.Add("Báo cáo");
        sheet.Cells["A1"].Value = "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM";
        sheet.Cells["A1"].Style.Font.Bold = true;
        sheet.Cells["A2:F2"].Merge = true;
        sheet.Cells["A2"].Value = "BÁO CÁO ĐỊNH KỲ CÔNG ĐOÀN";
        sheet.Cells["A2"].Style.Font.Size = 16;
        sheet.Cells["A2"].Style.Font.Bold = true;
        sheet.Cells["A2"].Style.HorizontalAlignment = ExcelHorizontalAlignment.Center;
        sheet.Row(2).Height = 30; // room for accented capitals at 16 pt

        string[,] labels =
        {
            { UnitCodeLabel, unit.Code },
            { UnitNameLabel, unit.Name },
            { PeriodLabel, period.LabelVi },
            { PeriodCodeLabel, period.Code },
        };
        for (var i = 0; i < labels.GetLength(0); i++)
        {
            sheet.Cells[4 + i, 1].Value = labels[i, 0];
            sheet.Cells[4 + i, 1].Style.Font.Bold = true;
            sheet.Cells[4 + i, 2].Value = labels[i, 1];
            sheet.Cells[4 + i, 2, 4 + i, 6].Merge = true;
        }

        const int headerRow = 9;
        string[] headers = ["STT", CodeHeader, NameHeader, UnitHeader, ValueHeader, NoteHeader];
        for (var c = 0; c < headers.Length; c++) sheet.Cells[headerRow, c + 1].Value = headers[c];
        using (var header = sheet.Cells[headerRow, 1, headerRow, headers.Length])
        {
            header.Style.Font.Bold = true;
            header.Style.Fill.PatternType = ExcelFillStyle.Solid;
            header.Style.Fill.BackgroundColor.SetColor(System.Drawing.Color.FromArgb(0xD9, 0xE2, 0xF3));
            header.Style.Border.Bottom.Style = ExcelBorderStyle.Thin;
        }
        var row = headerRow + 1;
        foreach (var indicator in indicators)
        {
            sheet.Cells[row, 1].Value = row - headerRow;
            sheet.Cells[row, 2].Value = indicator.Code;
            sheet.Cells[row, 3].Value = indicator.NameVi;
            sheet.Cells[row, 4].Value = indicator.UnitVi;
            var value = sheet.Cells[row, 5];
            value.Style.Locked = false;
            value.Style.Fill.PatternType = ExcelFillStyle.Solid;
            value.Style.Fill.BackgroundColor.SetColor(System.Drawing.Color.FromArgb(0xFF, 0xF8, 0xE1));
            value.Style.Numberformat.Format = indicator.IsCategory ? "@" : "#,##0.##";
            sheet.Cells[row, 6].Style.Locked = false;
            if (indicator.IsCategory && indicator.Categories.Count > 0)
            {
                var list = sheet.DataValidations.AddListValidation(value.Address);
                foreach (var category in indicator.Categories) list.Formula.Values.Add(category);
                list.ShowErrorMessage = true;
                list.ErrorTitle = "Giá trị không hợp lệ";
                list.Error = "Chọn một giá trị trong danh sách: " + string.Join(", ", indicator.Categories);
            }
            else
            {
                var number = sheet.DataValidations.AddDecimalValidation(value.Address);
                number.Operator = ExcelDataValidationOperator.greaterThanOrEqual;
                number.Formula.Value = 0;
                if (indicator.IsFlag)
                {
                    number.Operator = ExcelDataValidationOperator.between;
                    number.Formula2.Value = 1;
                }
                number.ShowErrorMessage = true;
                number.ErrorTitle = "Giá trị không hợp lệ";
                number.Error = indicator.IsFlag ? "Nhập 1 (có) hoặc 0 (không)." : "Nhập một số không âm.";
            }
            row++;
        }
        using (var table = sheet.Cells[headerRow, 1, Math.Max(headerRow, row - 1), headers.Length])
        {
            table.Style.Border.Left.Style = ExcelBorderStyle.Thin;
            table.Style.Border.Right.Style = ExcelBorderStyle.Thin;
            table.Style.Border.Top.Style = ExcelBorderStyle.Thin;
            table.Style.Border.Bottom.Style = ExcelBorderStyle.Thin;
        }
        double[] widths = [6, 22, 58, 14, 16, 30];
        for (var c = 0; c < widths.Length; c++) sheet.Column(c + 1).Width = widths[c];
        sheet.Column(3).Style.WrapText = true;
        sheet.View.FreezePanes(headerRow + 1, 1);
        sheet.PrinterSettings.Orientation = eOrientation.Portrait;
        sheet.PrinterSettings.PaperSize = ePaperSize.A4;
        sheet.PrinterSettings.FitToPage = true;
        sheet.PrinterSettings.FitToWidth = 1;
        sheet.PrinterSettings.FitToHeight = 0;
        // Protected without a password so codes are not edited by accident; value and note cells stay open.
        sheet.Protection.IsProtected = true;
        sheet.Protection.AllowSelectLockedCells = true;

        var help = package.Workbook.Worksheets.Add("Hướng dẫn");
        string[] lines =
        [
            "Hướng dẫn điền báo cáo",
            "1. Chỉ điền cột \"Giá trị\" (và \"Ghi chú\" nếu cần). Không sửa mã đơn vị, kỳ báo cáo hay mã chỉ tiêu.",
            "2. Số đếm (người, đơn vị) là số nguyên không âm. Chỉ tiêu có/không: nhập 1 (có) hoặc 0 (không).",
            "3. Số tiền tính bằng đồng. Có thể gõ 1.520 hoặc 1 520 (một nghìn năm trăm hai mươi); 12,5 là mười hai phẩy năm.",
            "4. Để trống ô nếu không có số liệu (để trống khác với số 0).",
            "5. Hạn nộp: trước ngày 15 của tháng cuối kỳ (quý, 6 tháng, năm).",
        ];
        for (var i = 0; i < lines.Length; i++) help.Cells[i + 1, 1].Value = lines[i];
        help.Cells[1, 1].Style.Font.Bold = true;
        help.Column(1).Width = 110;

        package.Workbook.Properties.Title = $"Báo cáo {unit.Code} {period.Code}";
        package.Workbook.Properties.Company = "Tổng Liên đoàn Lao động Việt Nam";
        var folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        package.SaveAs(new FileInfo(outPath));
        return [.. indicators.Select(i => i.Code)];
    }

    /// <summary>Whether the workbook's first sheet carries the template's "Mã chỉ tiêu" table.</summary>
    public static bool IsTemplate(string path)
    {
        try
        {
            return IsTemplate(Workbooks.Open(path));
        }
        catch (Exception)
        {
            return false;
        }
    }

    /// <summary>Whether an opened workbook is a template (ingest opens each workbook once).</summary>
    public static bool IsTemplate(ExcelPackage package)
    {
        try
        {
            var sheet = SubmissionFileReader.FirstSheet(package);
            return sheet is not null && FindHeader(sheet) is not null;
        }
        catch (Exception)
        {
            return false;
        }
    }

    public static SubmissionDraft Read(string path) => Read(path, null);

    /// <summary>Reads the template at <paramref name="path"/>, already opened as <paramref name="opened"/> when not null.</summary>
    public static SubmissionDraft Read(string path, ExcelPackage? opened)
    {
        try
        {
            var package = opened ?? Workbooks.Open(path);
            var sheet = SubmissionFileReader.FirstSheet(package)!;
            var (headerRow, columns) = FindHeader(sheet) ?? throw new UnreadableFileException($"{Path.GetFileName(path)}: không tìm thấy bảng \"{CodeHeader}\" (the template table is missing).");
            var unit = FindLabel(sheet, UnitCodeLabel);
            var period = FindLabel(sheet, PeriodCodeLabel) is { Text.Length: > 0 } periodCell ? periodCell : FindLabel(sheet, PeriodLabel);
            var draft = new SubmissionDraft
            {
                SourceFile = path,
                Sheet = sheet.Name,
                Format = "template",
                UnitText = unit?.Text ?? "",
                PeriodText = period?.Text ?? "",
                UnitCell = unit?.Cell,
                PeriodCell = period?.Cell,
                FirstRow = headerRow + 1,
            };
            var end = sheet.Dimension?.End.Row ?? headerRow;
            for (var r = headerRow + 1; r <= end; r++)
            {
                var code = TabularFile.CellText(sheet.Cells[r, columns.Code].Value).Trim();
                if (code.Length == 0) continue;
                var raw = sheet.Cells[r, columns.Value].Value;
                var note = columns.Note > 0 ? TabularFile.CellText(sheet.Cells[r, columns.Note].Value).Trim() : "";
                draft.Values.Add(new DraftValue(code, TabularFile.CellText(raw), r, $"{TabularFile.ColumnLetter(columns.Value)}{r}", note.Length > 0 ? note : null)
                {
                    ValueCell = $"{TabularFile.ColumnLetter(columns.Value)}{r}",
                    TypedNumber = raw is double d && double.IsFinite(d) ? (decimal)d : null,
                });
            }
            return draft;
        }
        catch (Exception e) when (e is not UnreadableFileException)
        {
            throw new UnreadableFileException($"{Path.GetFileName(path)}: không đọc được mẫu báo cáo — {e.Message} (cannot read the template).");
        }
    }

    private static (int Row, (int Code, int Value, int Note) Columns)? FindHeader(ExcelWorksheet sheet)
    {
        if (sheet.Dimension is null) return null;
        var lastColumn = Math.Min(sheet.Dimension.End.Column, 20);
        for (var r = 1; r <= Math.Min(ScanRows, sheet.Dimension.End.Row); r++)
        {
            int code = 0, value = 0, note = 0;
            for (var c = 1; c <= lastColumn; c++)
            {
                var text = Normalize(TabularFile.CellText(sheet.Cells[r, c].Value));
                if (text == Normalize(CodeHeader)) code = c;
                else if (text == Normalize(ValueHeader)) value = c;
                else if (text == Normalize(NoteHeader)) note = c;
            }
            if (code > 0 && value > 0) return (r, (code, value, note));
        }
        return null;
    }

    private static (string Text, string Cell)? FindLabel(ExcelWorksheet sheet, string label)
    {
        if (sheet.Dimension is null) return null;
        for (var r = 1; r <= Math.Min(ScanRows, sheet.Dimension.End.Row); r++)
        {
            for (var c = 1; c <= Math.Min(6, sheet.Dimension.End.Column); c++)
            {
                if (Normalize(TabularFile.CellText(sheet.Cells[r, c].Value)) != Normalize(label)) continue;
                // The value is the next non-empty cell to the right.
                for (var v = c + 1; v <= c + 4; v++)
                {
                    var text = TabularFile.CellText(sheet.Cells[r, v].Value).Trim();
                    if (text.Length > 0) return (text, $"{TabularFile.ColumnLetter(v)}{r}");
                }
                return ("", $"{TabularFile.ColumnLetter(c + 1)}{r}");
            }
        }
        return null;
    }

    private static string Normalize(string text) => text.Normalize(NormalizationForm.FormC).Trim().TrimEnd(':').Trim().ToLowerInvariant();
}
