using Analytics.Warehouse.Vocabulary;
using System.Globalization;

namespace Analytics.Reports.Charts;

/// <summary>
/// The house look shared by every chart: palette, type sizes and number formats. Sizes are design
/// pixels at 960×540, multiplied by <see cref="ChartSize.Scale"/>.
/// </summary>
internal static class ChartStyle
{
    // A sober statistics-office palette: navy first, warm accent second, then muted hues that stay
    // distinct in greyscale print.
    public static readonly string[] Categorical =
    [
        "#1f4e79", "#d9822b", "#4a8c5c", "#7b5aa6", "#b33f40", "#3f8fa6", "#a68a2b", "#6e6e6e",
    ];

    public const string Primary = "#1f4e79";
    public const string TargetColor = "#b33f40";
    public const string Achieved = "#2e7d4f";
    public const string NotAchieved = "#d9822b";
    public const string Ink = "#1a1a1a";
    public const string SoftInk = "#4d4d4d";
    public const string Grid = "#e3e3e3";
    public const string Domain = "#9a9a9a";
    public const string White = "#ffffff";
    public const string TargetTick = "#333333";

    // Ordered parts such as ratings, best first: dark green to red.
    public static readonly string[] Ordered4 = ["#1e6b3f", "#6aaa64", "#e3b448", "#c0392b"];
    public static readonly string[] Ordered3 = ["#1e6b3f", "#e3b448", "#c0392b"];
    public static readonly string[] Ordered5 = ["#1e6b3f", "#6aaa64", "#b7c95b", "#e3b448", "#c0392b"];

    // Design sizes (pixels at 960×540).
    public const double PadLeft = 16, PadRight = 24, PadTop = 16, PadBottom = 12;
    public const double TitleSize = 21, SubtitleSize = 13, SubtitleGap = 6, HeaderGap = 16;
    public const double AxisLabelSize = 12, AxisTitleSize = 13, AxisTitleGap = 10, AxisLabelGap = 4;
    public const double LegendSize = 12, LegendSwatch = 12, LegendGap = 16, LegendOffset = 10;
    public const double ValueLabelSize = 12, MinLabelSize = 8;

    // Parts whose fill is dark enough for a white label.
    public static bool IsDark(string hex)
    {
        var r = Convert.ToInt32(hex.Substring(1, 2), 16);
        var g = Convert.ToInt32(hex.Substring(3, 2), 16);
        var b = Convert.ToInt32(hex.Substring(5, 2), 16);
        return (0.299 * r) + (0.587 * g) + (0.114 * b) < 150;
    }

    /// <summary>A value label: 1.186.400, 78,4 %, 1.186,4 in Vietnamese; 1,186,400, 78.4 %, 1,186.4 in English.</summary>
    public static string Number(double value, ValueFormat format, ChartLanguage lang) => format switch
    {
        ValueFormat.Count => Of(lang).Count(value),
        ValueFormat.Percent => Of(lang).Percent(value),
        _ => Of(lang).Fixed(value, 1),
    };

    /// <summary>An axis tick: as <see cref="Number"/>, but percentages without decimals unless the step needs them.</summary>
    public static string Tick(double value, ValueFormat format, ChartLanguage lang, double step) => format switch
    {
        ValueFormat.Count => Of(lang).Count(value),
        ValueFormat.Percent => Of(lang).Percent(value, step * 100 < 1 ? 1 : 0),
        _ => Of(lang).Fixed(value, step < 1 ? 1 : 0),
    };

    // The charts speak the reports' one number format (warehouse/Vocabulary/Formats.cs).
    private static Language Of(ChartLanguage lang) => lang == ChartLanguage.En ? Language.En : Language.Vi;

    public static string[] Palette(int count, string[] palette) =>
        [.. Enumerable.Range(0, count).Select(i => palette[i % palette.Length])];

    /// <summary>Round tick values from <paramref name="lo"/> to <paramref name="hi"/>, about <paramref name="count"/> of them (steps of 1, 2 or 5 × 10ⁿ).</summary>
    public static (double[] Ticks, double Step) Ticks(double lo, double hi, int count)
    {
        if (!(hi > lo))
        {
            hi = lo + 1;
        }

        var raw = (hi - lo) / Math.Max(1, count - 1);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(m => m >= raw * 0.999);
        var first = Math.Ceiling((lo / step) - 1e-9) * step;
        var ticks = new List<double>();
        for (var t = first; t <= hi + (step * 1e-9); t += step)
        {
            // "+ 0.0" turns a rounded -0 into 0, which would otherwise be written "-0".
            ticks.Add((Math.Round(t / step) * step) + 0.0);
        }

        return ([.. ticks], step);
    }

    /// <summary>Widens [lo, hi] outwards to whole steps of <see cref="Ticks"/>.</summary>
    public static (double Lo, double Hi) Nice(double lo, double hi, int count)
    {
        var (_, step) = Ticks(lo, hi, count);
        return (Math.Floor((lo / step) + 1e-9) * step, Math.Ceiling((hi / step) - 1e-9) * step);
    }
}
