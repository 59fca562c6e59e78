using System.Text.Json.Nodes;

namespace Analytics.Reports.Charts;

public static partial class ChartSpecs
{
    /// <summary>
    /// Trend over periods (in the order given), one line per series, with a dashed target line.
    /// With one series every point is labelled; with several, only each line's last point.
    /// </summary>
    public static JsonObject Trend(
        ChartText text,
        IReadOnlyList<TrendPoint> points,
        ValueFormat format,
        double? target = null,
        ChartLanguage lang = ChartLanguage.Vi,
        ChartSize? size = null)
    {
        var s = Sized(size);
        var w = ChartWords.For(lang);
        var periods = points.Select(p => p.Period).Distinct().ToList();
        var series = points.Select(p => p.Series ?? "").Distinct().ToList();
        var multi = series.Count > 1;
        var lastPeriodOf = points
            .GroupBy(p => p.Series ?? "")
            .ToDictionary(g => g.Key, g => g.MaxBy(p => periods.IndexOf(p.Period))!.Period);

        var rows = new JsonArray();
        foreach (var p in points)
        {
            rows.Add(new JsonObject
            {
                ["period"] = p.Period,
                ["series"] = p.Series ?? "",
                ["value"] = p.Value,
                ["labelled"] = !multi || lastPeriodOf[p.Series ?? ""] == p.Period,
            });
        }

        var x = new JsonObject
        {
            ["field"] = "period",
            ["type"] = "ordinal",
            ["sort"] = ChartStyle.Strings(periods),
            ["axis"] = new JsonObject { ["title"] = text.XTitle ?? w.PeriodAxis, ["labelAngle"] = 0, ["grid"] = false },
        };
        var y = new JsonObject
        {
            ["field"] = "value",
            ["type"] = "quantitative",
            ["scale"] = new JsonObject { ["domain"] = TrendDomain(points, target), ["nice"] = true },
            ["axis"] = new JsonObject { ["title"] = text.YTitle ?? w.Value, ["format"] = ChartStyle.AxisFormat(format), ["tickCount"] = 6 },
        };
        JsonNode color = multi
            ? new JsonObject
            {
                ["field"] = "series",
                ["type"] = "nominal",
                ["sort"] = ChartStyle.Strings(series),
                ["scale"] = new JsonObject { ["domain"] = ChartStyle.Strings(series), ["range"] = ChartStyle.Palette(series.Count, ChartStyle.Categorical) },
                ["legend"] = new JsonObject { ["title"] = null },
            }
            : new JsonObject { ["value"] = ChartStyle.Primary };

        var line = new JsonObject
        {
            ["mark"] = Mark("line", new JsonObject
            {
                ["strokeWidth"] = ChartStyle.Px(s, 3),
                ["point"] = new JsonObject { ["filled"] = true, ["size"] = ChartStyle.Px(s, 9) * ChartStyle.Px(s, 9) },
            }),
            ["encoding"] = new JsonObject { ["x"] = x, ["y"] = y, ["color"] = color },
        };
        var labels = new JsonObject
        {
            ["transform"] = new JsonArray(new JsonObject { ["filter"] = "datum.labelled" }),
            ["mark"] = Mark("text", new JsonObject
            {
                ["dy"] = -ChartStyle.Px(s, 12),
                ["fontSize"] = ChartStyle.Px(s, 12),
                ["fontWeight"] = "bold",
            }),
            ["encoding"] = new JsonObject
            {
                ["x"] = x.DeepClone(),
                ["y"] = new JsonObject { ["field"] = "value", ["type"] = "quantitative" },
                ["text"] = new JsonObject { ["field"] = "value", ["type"] = "quantitative", ["format"] = ChartStyle.NumberFormat(format) },
                ["color"] = color.DeepClone(),
            },
        };

        var layers = new List<JsonObject> { line, labels };
        if (target is { } t)
        {
            var targetData = Values(new JsonArray(new JsonObject { ["value"] = t }));
            layers.Add(new JsonObject
            {
                ["data"] = targetData,
                ["mark"] = Mark("rule", new JsonObject
                {
                    ["color"] = ChartStyle.TargetColor,
                    ["strokeWidth"] = ChartStyle.Px(s, 2),
                    ["strokeDash"] = new JsonArray(ChartStyle.Px(s, 8), ChartStyle.Px(s, 5)),
                }),
                ["encoding"] = new JsonObject { ["y"] = new JsonObject { ["field"] = "value", ["type"] = "quantitative" } },
            });
            layers.Add(new JsonObject
            {
                ["data"] = targetData.DeepClone(),
                ["transform"] = new JsonArray(new JsonObject
                {
                    ["calculate"] = $"{Quote(w.Target + ": ")} + format(datum.value, {Quote(ChartStyle.NumberFormat(format))})",
                    ["as"] = "caption",
                }),
                // Outside the plot, right of the line's end, where no point label can sit.
                ["mark"] = Mark("text", new JsonObject
                {
                    ["align"] = "left",
                    ["baseline"] = "middle",
                    ["dx"] = ChartStyle.Px(s, 6),
                    ["fontSize"] = ChartStyle.Px(s, 12),
                    ["fontWeight"] = "bold",
                    ["color"] = ChartStyle.TargetColor,
                }),
                ["encoding"] = new JsonObject
                {
                    ["x"] = new JsonObject { ["value"] = "width" },
                    ["y"] = new JsonObject { ["field"] = "value", ["type"] = "quantitative" },
                    ["text"] = new JsonObject { ["field"] = "caption" },
                },
            });
        }

        return Layered(ChartStyle.Base(text, s, lang), Values(rows), null, [.. layers]);
    }

    // Start at zero unless that would flatten the line into a strip at the top; leave headroom
    // above the highest point (or the target) for the value labels.
    private static JsonArray TrendDomain(IReadOnlyList<TrendPoint> points, double? target)
    {
        var values = points.Select(p => p.Value).Concat(target is { } t ? [t] : []).ToList();
        var lo = values.DefaultIfEmpty(0).Min();
        var hi = values.DefaultIfEmpty(1).Max();
        var span = hi - lo > 0 ? hi - lo : Math.Max(Math.Abs(hi), 1);
        var bottom = lo >= 0 && lo <= 0.5 * hi ? 0 : lo - (0.15 * span);
        return new JsonArray(bottom, hi + (0.18 * span));
    }
}
