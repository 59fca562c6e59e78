using System.Runtime.CompilerServices;
using System.Text.Json;
using Analytics.Reports.Charts;
using Analytics.Reports.Conference;
using Analytics.Reports.Tests.Excel;
using System.Text;
using Xunit;

namespace Analytics.Reports.Tests.Charts;

public sealed class ChartFontsTests
{
    [Fact]
    public void InterIsReadFromThePackageFileBesideTheProductInRegularAndBold()
    {
        var path = Path.Combine(AppContext.BaseDirectory, ChartFonts.PackageFile);
        Assert.True(File.Exists(path), path);
        var files = ChartFonts.ReadAvaloniaResources(path);
        Assert.Contains("/Assets/Inter-Regular.ttf", files.Keys);
        Assert.Equal(("Inter", false), (ChartFonts.Regular.FamilyName, ChartFonts.Regular.IsBold));
        Assert.Equal(("Inter", true), (ChartFonts.Bold.FamilyName, ChartFonts.Bold.IsBold));
        // ScottPlot resolves the family to these very faces, bold included.
        ChartFonts.EnsureRegistered();
        Assert.Same(ChartFonts.Bold, ScottPlot.Fonts.GetTypeface(ChartFonts.Family, bold: true, italic: false));
        Assert.Same(ChartFonts.Regular, ScottPlot.Fonts.GetTypeface(ChartFonts.Family, bold: false, italic: false));
    }

    [Fact]
    public void InterHasAGlyphForEveryCharacterOfTheCatalogThePlansAndEveryChartLabel()
    {
        var strings = new List<string> { "≥ ≤ → – — … · ₫", "Đạt chỉ tiêu", "không có" };
        var root = RepositoryRoot();
        strings.AddRange(File.ReadAllLines(Path.Combine(root, "warehouse", "ReferenceData", "indicators.csv")));
        foreach (var plan in Directory.GetFiles(Path.Combine(root, "warehouse", "Plans"), "*.json"))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(plan));
            Collect(json.RootElement, strings);
        }

        foreach (var lang in new[] { ChartLanguage.Vi, ChartLanguage.En })
        {
            strings.AddRange(SampleCharts.Kinds.SelectMany(k => SampleCharts.Build(k, lang).Labels).Select(l => l.Text));
        }

        foreach (var english in new[] { false, true })
        {
            strings.AddRange(ConferencePack.Charts(HandMadeData.Annual(english), [HandMadeData.Plan(english)]).SelectMany(c => c.Chart.Labels).Select(l => l.Text));
        }

        Assert.True(strings.Count > 100, $"only {strings.Count} strings collected");
        var missing = strings
            .SelectMany(s => s.EnumerateRunes())
            .Where(r => !Rune.IsControl(r) && (!ChartFonts.Covers(r.ToString()) || !ChartFonts.Covers(r.ToString(), bold: true)))
            .Distinct()
            .Select(r => $"U+{r.Value:X4} '{r}'")
            .ToList();
        Assert.True(missing.Count == 0, "Inter lacks: " + string.Join(", ", missing));
    }

    [Fact]
    public void AFontWithoutAGlyphIsCaught()
    {
        // The coverage check itself can fail: Inter has no Chinese.
        Assert.False(ChartFonts.Covers("工会"));
        Assert.True(ChartFonts.Covers("Công đoàn ≥ ≤ →", bold: true));
    }

    private static void Collect(JsonElement element, List<string> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                into.Add(element.GetString()!);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item, into);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject()) Collect(property.Value, into);
                break;
        }
    }

    private static string RepositoryRoot([CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));
}
