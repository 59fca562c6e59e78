namespace Analytics.Reports.Excel;

/// <summary>
/// Text that came from submitted data (unit names, notes, explanations) is written through here, so a
/// spreadsheet can never take it for a formula — in the workbook or after a CSV export.
/// </summary>
public static class CellText
{
    /// <summary>
    /// Text that begins with =, +, -, @ (or a tab or carriage return, which some spreadsheets skip
    /// before looking for those) gets a leading apostrophe, the convention spreadsheets use for
    /// "this is text"; the same rule as the ingest feedback workbook.
    /// </summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
