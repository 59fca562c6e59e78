using Analytics.Warehouse.Vocabulary;
namespace Analytics.Reports.Excel;

/// <summary>
/// Text that came from submitted data (unit names, notes, explanations) is written through here, so a
/// spreadsheet can never take it for a formula. The rule is the one the ingest feedback workbook uses
/// (<see cref="SpreadsheetText"/>).
/// </summary>
public static class CellText
{
    public static string Safe(string? text) => SpreadsheetText.Safe(text);
}
