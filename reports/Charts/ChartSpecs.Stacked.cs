using System.Text.Json.Nodes;

namespace Analytics.Reports.Charts;

public static partial class ChartSpecs
{
    /// <summary>
    /// Horizontal 100% stacked bars, e.g. ratings (xuất sắc / tốt / hoàn thành / không hoàn thành)
    /// by sector. Parts are stacked and coloured in the order of <paramref name="parts"/> (best
    /// first: dark green to red for 3–5 parts); segments show their share, the bar end its total.
    /// </summary>
    public static JsonObject StackedBars(
        ChartText text,
        IReadOnlyList<StackedValue> values,
        IReadOnlyList<string> parts,
        ChartLanguage lang = ChartLanguage.Vi,
        ChartSize? size = null)
    {
        var s = Sized(size);
        var w = ChartWords.For(lang);
        var categories = values.Select(v => v.Category).Distinct().ToList();
        var palette = parts.Count switch
        {
            3 => ChartStyle.Ordered3,
            4 => ChartStyle.Ordered4,
            5 => ChartStyle.Ordered5,
            _ => ChartStyle.Categorical,
        };

        // Segment bounds are computed here rather than by vega's stack so the order of parts is
        // exactly the given one and the labels sit in the middle of their segment.
        var rows = new JsonArray();
        var totals = new JsonArray();
        foreach (var category in categories)
        {
            var inCategory = values.Where(v => v.Category == category).ToList();
            var total = inCategory.Sum(v => v.Value);
            var start = 0.0;
            for (var i = 0; i < parts.Count; i++)
            {
                var value = inCategory.Where(v => v.Part == parts[i]).Sum(v => v.Value);
                var share = total > 0 ? value / total : 0;
                var color = palette[i % palette.Length];
                rows.Add(new JsonObject
                {
                    ["category"] = category,
                    ["part"] = parts[i],
                    ["value"] = value,
                    ["share"] = share,
                    ["start"] = start,
                    ["end"] = start + share,
                    ["middle"] = start + (share / 2),
                    ["labelColor"] = ChartStyle.IsDark(color) ? "white" : ChartStyle.Ink,
                });
                start += share;
            }

            totals.Add(new JsonObject { ["category"] = category, ["total"] = total });
        }

        var encoding = new JsonObject
        {
            ["y"] = new JsonObject
            {
                ["field"] = "category",
                ["type"] = "nominal",
                ["sort"] = ChartStyle.Strings(categories),
                ["axis"] = new JsonObject
                {
                    ["title"] = text.YTitle,
                    ["labelLimit"] = ChartStyle.Px(s, 220),
                    ["ticks"] = false,
                    ["domain"] = false,
                },
            },
        };
        var x = new JsonObject
        {
            ["field"] = "start",
            ["type"] = "quantitative",
            ["scale"] = new JsonObject { ["domain"] = new JsonArray(0, 1), ["nice"] = false },
            ["axis"] = new JsonObject { ["title"] = text.XTitle ?? w.Share, ["format"] = ".0%", ["tickCount"] = 5 },
        };
        var bars = new JsonObject
        {
            ["mark"] = Mark("bar", new JsonObject
            {
                ["height"] = new JsonObject { ["band"] = 0.66 },
                ["stroke"] = "white",
                ["strokeWidth"] = ChartStyle.Px(s, 1),
            }),
            ["encoding"] = new JsonObject
            {
                ["x"] = x,
                ["x2"] = new JsonObject { ["field"] = "end" },
                ["color"] = new JsonObject
                {
                    ["field"] = "part",
                    ["type"] = "nominal",
                    ["sort"] = ChartStyle.Strings(parts),
                    ["scale"] = new JsonObject { ["domain"] = ChartStyle.Strings(parts), ["range"] = ChartStyle.Palette(parts.Count, palette) },
                    ["legend"] = new JsonObject { ["title"] = null },
                },
            },
        };
        var segmentLabels = new JsonObject
        {
            // Too narrow a segment cannot hold "12,5%"; its share is still readable from the axis.
            ["transform"] = new JsonArray(new JsonObject { ["filter"] = "datum.share >= 0.06" }),
            ["mark"] = Mark("text", new JsonObject { ["baseline"] = "middle", ["fontSize"] = ChartStyle.Px(s, 12) }),
            ["encoding"] = new JsonObject
            {
                ["x"] = new JsonObject { ["field"] = "middle", ["type"] = "quantitative" },
                ["text"] = new JsonObject { ["field"] = "share", ["type"] = "quantitative", ["format"] = ".1%" },
                ["color"] = new JsonObject { ["field"] = "labelColor", ["type"] = "nominal", ["scale"] = null },
            },
        };
        var totalLabels = new JsonObject
        {
            ["data"] = Values(totals),
            ["transform"] = new JsonArray(new JsonObject
            {
                ["calculate"] = $"'n = ' + format(datum.total, ',.0f')",
                ["as"] = "caption",
            }),
            ["mark"] = Mark("text", new JsonObject
            {
                ["align"] = "left",
                ["baseline"] = "middle",
                ["dx"] = ChartStyle.Px(s, 6),
                ["fontSize"] = ChartStyle.Px(s, 12),
                ["color"] = ChartStyle.SoftInk,
            }),
            ["encoding"] = new JsonObject
            {
                ["x"] = new JsonObject { ["datum"] = 1, ["type"] = "quantitative" },
                ["text"] = new JsonObject { ["field"] = "caption" },
            },
        };

        return Layered(ChartStyle.Base(text, s, lang), Values(rows), encoding, bars, segmentLabels, totalLabels);
    }
}
