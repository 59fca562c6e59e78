using System.Drawing;

namespace Analytics.Reports.Excel;

/// <summary>Colours of the workbooks: the chart palette of docs/charts.md, so images and workbooks match.</summary>
public static class ReportColors
{
    public static readonly Color Navy = Color.FromArgb(0x1F, 0x4E, 0x79);
    public static readonly Color HeaderFill = Color.FromArgb(0xDD, 0xE7, 0xF1);
    public static readonly Color TotalFill = Color.FromArgb(0xF2, 0xF2, 0xF2);
    public static readonly Color Border = Color.FromArgb(0xA6, 0xA6, 0xA6);
    public static readonly Color AchievedFill = Color.FromArgb(0xC6, 0xEF, 0xCE);
    public static readonly Color AchievedText = Color.FromArgb(0x00, 0x61, 0x00);
    public static readonly Color AtRiskFill = Color.FromArgb(0xFF, 0xEB, 0x9C);
    public static readonly Color AtRiskText = Color.FromArgb(0x9C, 0x57, 0x00);
    public static readonly Color MissedFill = Color.FromArgb(0xFF, 0xC7, 0xCE);
    public static readonly Color MissedText = Color.FromArgb(0x9C, 0x00, 0x06);
    public static readonly Color GreyText = Color.FromArgb(0x59, 0x59, 0x59);

    /// <summary>Series colours in order (hex RRGGBB, as chart XML wants them).</summary>
    public static readonly IReadOnlyList<string> Series =
        ["1F4E79", "D9822B", "4A8C5C", "7B5AA6", "B33F40", "3F8FA6", "A68A2B", "6E6E6E"];
}
