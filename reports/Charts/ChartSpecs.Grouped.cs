using System.Text.Json.Nodes;

namespace Analytics.Reports.Charts;

public static partial class ChartSpecs
{
    /// <summary>
    /// Grouped vertical bars: one group per category, one bar per series (e.g. this year and last
    /// year by child unit), categories and series in the order given, each bar labelled.
    /// </summary>
    public static JsonObject GroupedBars(
        ChartText text,
        IReadOnlyList<GroupedValue> values,
        ValueFormat format,
        ChartLanguage lang = ChartLanguage.Vi,
        ChartSize? size = null)
    {
        var s = Sized(size);
        var w = ChartWords.For(lang);
        var categories = values.Select(v => v.Category).Distinct().ToList();
        var series = values.Select(v => v.Series).Distinct().ToList();

        var rows = new JsonArray();
        foreach (var v in values)
        {
            rows.Add(new JsonObject { ["category"] = v.Category, ["series"] = v.Series, ["value"] = v.Value });
        }

        var bars = Math.Max(1, categories.Count * series.Count);
        var labelSize = Math.Round(Math.Clamp(s.Width * 0.8 / bars * 0.3, 8 * s.Scale, 12 * s.Scale), 1);
        var top = Max(values.Select(v => v.Value));

        var encoding = new JsonObject
        {
            ["x"] = new JsonObject
            {
                ["field"] = "category",
                ["type"] = "nominal",
                ["sort"] = ChartStyle.Strings(categories),
                ["axis"] = new JsonObject
                {
                    ["title"] = text.XTitle ?? w.Unit,
                    ["labelAngle"] = 0,
                    ["labelLimit"] = Math.Round(s.Width * 0.8 / Math.Max(1, categories.Count), 1),
                    ["ticks"] = false,
                },
            },
            ["xOffset"] = new JsonObject { ["field"] = "series", ["type"] = "nominal", ["sort"] = ChartStyle.Strings(series) },
            ["y"] = new JsonObject
            {
                ["field"] = "value",
                ["type"] = "quantitative",
                ["scale"] = new JsonObject { ["domain"] = new JsonArray(0, top <= 0 ? 1 : top * 1.1), ["nice"] = false },
                ["axis"] = new JsonObject { ["title"] = text.YTitle ?? w.Value, ["format"] = ChartStyle.AxisFormat(format), ["tickCount"] = 6 },
            },
        };
        var barLayer = new JsonObject
        {
            ["mark"] = Mark("bar", new JsonObject { ["width"] = new JsonObject { ["band"] = 0.9 } }),
            ["encoding"] = new JsonObject
            {
                ["color"] = new JsonObject
                {
                    ["field"] = "series",
                    ["type"] = "nominal",
                    ["scale"] = new JsonObject { ["domain"] = ChartStyle.Strings(series), ["range"] = ChartStyle.Palette(series.Count, ChartStyle.Categorical) },
                    ["legend"] = new JsonObject { ["title"] = null },
                },
            },
        };
        var labelLayer = new JsonObject
        {
            ["mark"] = Mark("text", new JsonObject
            {
                ["baseline"] = "bottom",
                ["dy"] = -ChartStyle.Px(s, 3),
                ["fontSize"] = labelSize,
                ["color"] = ChartStyle.Ink,
            }),
            ["encoding"] = new JsonObject
            {
                ["text"] = new JsonObject { ["field"] = "value", ["type"] = "quantitative", ["format"] = ChartStyle.NumberFormat(format) },
            },
        };

        return Layered(ChartStyle.Base(text, s, lang), Values(rows), encoding, barLayer, labelLayer);
    }
}
