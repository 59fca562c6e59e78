using System.Text.Json.Nodes;

namespace Analytics.Reports.Charts;

public static partial class ChartSpecs
{
    /// <summary>
    /// Ranking of units: horizontal bars, largest first, coloured by whether each unit met its
    /// target, with a black tick at the target and the value at the end of the bar.
    /// </summary>
    public static JsonObject Ranking(
        ChartText text,
        IReadOnlyList<UnitValue> units,
        ValueFormat format,
        double? target = null,
        ChartLanguage lang = ChartLanguage.Vi,
        ChartSize? size = null)
    {
        var s = Sized(size);
        var w = ChartWords.For(lang);

        // The rank is fixed here (ties broken by name) and the chart sorts by it with field+op:
        // vega-lite drops `sort: "-x"` in layered charts, and a value sort alone leaves ties to chance.
        var ordered = units
            .OrderByDescending(u => u.Value)
            .ThenBy(u => u.Unit, StringComparer.Ordinal)
            .ToList();
        var rows = new JsonArray();
        var rank = 0;
        var anyTarget = false;
        foreach (var u in ordered)
        {
            var unitTarget = u.Target ?? target;
            anyTarget |= unitTarget is not null;
            rows.Add(new JsonObject
            {
                ["unit"] = u.Unit,
                ["value"] = u.Value,
                ["target"] = unitTarget,
                ["status"] = unitTarget is null ? w.Value : u.Value >= unitTarget ? w.Achieved : w.NotAchieved,
                ["rank"] = ++rank,
            });
        }

        // Row height shrinks with many units (63 provinces); text follows it, within limits.
        var rowPixels = (s.Height * 0.72) / Math.Max(1, units.Count);
        var labelSize = Math.Round(Math.Clamp(rowPixels * 0.62, 8 * s.Scale, 12 * s.Scale), 1);
        var top = Max(ordered.Select(u => Math.Max(u.Value, u.Target ?? target ?? 0)));

        var y = new JsonObject
        {
            ["field"] = "unit",
            ["type"] = "nominal",
            ["sort"] = new JsonObject { ["field"] = "rank", ["op"] = "min", ["order"] = "ascending" },
            ["axis"] = new JsonObject
            {
                ["title"] = text.YTitle ?? w.Unit,
                ["labelFontSize"] = labelSize,
                ["labelLimit"] = ChartStyle.Px(s, 230),
                ["ticks"] = false,
            },
        };
        var x = new JsonObject
        {
            ["field"] = "value",
            ["type"] = "quantitative",
            // Headroom so the value labels at the bar ends stay inside the picture.
            ["scale"] = new JsonObject { ["domain"] = new JsonArray(0, top <= 0 ? 1 : top * 1.14), ["nice"] = false },
            ["axis"] = new JsonObject { ["title"] = text.XTitle ?? w.Value, ["format"] = ChartStyle.AxisFormat(format), ["tickCount"] = 6 },
        };
        var statusDomain = anyTarget ? new JsonArray(w.Achieved, w.NotAchieved) : new JsonArray(w.Value);
        var statusRange = anyTarget ? new JsonArray(ChartStyle.Achieved, ChartStyle.NotAchieved) : new JsonArray(ChartStyle.Primary);

        var bars = new JsonObject
        {
            ["mark"] = Mark("bar", new JsonObject { ["height"] = new JsonObject { ["band"] = 0.72 } }),
            ["encoding"] = new JsonObject
            {
                ["x"] = x,
                ["color"] = new JsonObject
                {
                    ["field"] = "status",
                    ["type"] = "nominal",
                    ["scale"] = new JsonObject { ["domain"] = statusDomain, ["range"] = statusRange },
                    ["legend"] = anyTarget ? new JsonObject { ["title"] = null } : null,
                },
            },
        };
        var labels = new JsonObject
        {
            ["mark"] = Mark("text", new JsonObject
            {
                ["align"] = "left",
                ["baseline"] = "middle",
                ["dx"] = ChartStyle.Px(s, 5),
                ["fontSize"] = labelSize,
                ["color"] = ChartStyle.Ink,
            }),
            ["encoding"] = new JsonObject
            {
                ["x"] = new JsonObject { ["field"] = "value", ["type"] = "quantitative" },
                ["text"] = new JsonObject { ["field"] = "value", ["type"] = "quantitative", ["format"] = ChartStyle.NumberFormat(format) },
            },
        };
        var layers = new List<JsonObject> { bars };
        if (anyTarget)
        {
            layers.Add(new JsonObject
            {
                ["transform"] = new JsonArray(new JsonObject { ["filter"] = "isValid(datum.target)" }),
                ["mark"] = Mark("tick", new JsonObject
                {
                    ["color"] = ChartStyle.Ink,
                    ["thickness"] = ChartStyle.Px(s, 3),
                    ["bandSize"] = Math.Round(rowPixels * 0.95, 1),
                }),
                ["encoding"] = new JsonObject { ["x"] = new JsonObject { ["field"] = "target", ["type"] = "quantitative" } },
            });
        }

        layers.Add(labels);
        var spec = ChartStyle.Base(text, s, lang);
        if (anyTarget && spec["title"] is JsonObject title)
        {
            title["subtitle"] = new JsonArray(title["subtitle"]!.GetValue<string>(), Capitalised(w.TargetTick));
        }

        return Layered(spec, Values(rows), new JsonObject { ["y"] = y }, [.. layers]);
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
