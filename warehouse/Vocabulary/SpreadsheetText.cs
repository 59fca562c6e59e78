namespace Analytics.Warehouse.Vocabulary;

/// <summary>
/// Text that came from submitted data (unit names, notes, messages quoting values) is written to a
/// spreadsheet through here, so it can never be taken for a formula — in a workbook or after a CSV export.
/// </summary>
public static class SpreadsheetText
{
    /// <summary>
    /// Text that begins with =, +, -, @ (or a tab or carriage return, which some spreadsheets skip
    /// before looking for those) gets a leading apostrophe, the convention spreadsheets use for "this is text".
    /// </summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
