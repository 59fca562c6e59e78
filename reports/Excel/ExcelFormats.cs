using Analytics.Reports.Charts;

namespace Analytics.Reports.Excel;

/// <summary>
/// Number formats of report cells. Values are stored as numbers; the codes use the neutral
/// separators of the file format (',' thousands, '.' decimal), which the spreadsheet shows in the
/// reader's regional settings — 1.186.400 and 78,4% on a Vietnamese system. See docs/reports.md for
/// why no literal separators are forced.
/// </summary>
public static class ExcelFormats
{
    public const string Count = "#,##0";
    public const string Decimal = "#,##0.0";
    public const string Percent = "0.0%";
    public const string Change = "+0.0%;-0.0%;0.0%";
    public const string Date = "dd/mm/yyyy";
    public const string DateTime = "dd/mm/yyyy hh:mm";

    public static string For(ValueFormat format) => format switch
    {
        ValueFormat.Percent => Percent,
        ValueFormat.Decimal => Decimal,
        _ => Count,
    };
}
