namespace Analytics.Reports.Charts;

/// <summary>
/// The report charts, one function per kind (ReportCharts.Kind.cs), all in the style of
/// <see cref="ChartStyle"/>, drawn by ScottPlot. A chart depends only on its arguments, so the same
/// data always gives the same SVG and PNG. Slides, the web page and the benchmark all use these.
/// </summary>
public static partial class ReportCharts
{
    /// <summary>An empty layout of the given size, for measuring and fitting text as the charts do.</summary>
    internal static ChartCanvas Canvas(ChartSize size, ChartLanguage lang = ChartLanguage.Vi) => new(size, lang);

    private static ChartSize Sized(ChartSize? size) => size ?? ChartSize.Workbook;

    private static double Max(IEnumerable<double> values) => values.DefaultIfEmpty(0).Max();

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
