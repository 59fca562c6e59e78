using System.Text.Json.Nodes;

namespace Analytics.Reports.Charts;

public static partial class ChartSpecs
{
    /// <summary>
    /// KPI bullets for a scorecard: one row per target in the order given. Rows measure different
    /// things (members, percentages), so the bar is the attainment (actual ÷ target) on a shared
    /// scale with the target at 100%; grey bands mark below 80%, 80–100% and above; the label gives
    /// actual / target in each row's own format.
    /// </summary>
    public static JsonObject Bullets(
        ChartText text,
        IReadOnlyList<BulletRow> rows,
        ChartLanguage lang = ChartLanguage.Vi,
        ChartSize? size = null)
    {
        var s = Sized(size);
        var w = ChartWords.For(lang);
        var labels = rows.Select(r => r.Label).ToList();

        static double Attainment(BulletRow r) => r.Target != 0 ? r.Actual / r.Target : (r.Actual >= 0 ? 1 : 0);
        var top = Math.Max(1.2, Math.Ceiling(Max(rows.Select(Attainment)) * 10 / 1.0) / 10 + 0.05);
        top = Math.Min(top, 2.0);

        var data = new JsonArray();
        foreach (var r in rows)
        {
            data.Add(new JsonObject
            {
                ["label"] = r.Label,
                ["actual"] = r.Actual,
                ["target"] = r.Target,
                // Bars past the axis end are drawn to it; the label still tells the true figure.
                ["attainment"] = Math.Min(Attainment(r), top),
                ["trueAttainment"] = Attainment(r),
                ["format"] = ChartStyle.NumberFormat(r.Format),
                ["status"] = r.IsAchieved ? w.Achieved : w.NotAchieved,
            });
        }

        var bands = new JsonArray();
        foreach (var label in labels)
        {
            bands.Add(new JsonObject { ["label"] = label, ["from"] = 0.0, ["to"] = 0.8, ["shade"] = "#e6e6e6" });
            bands.Add(new JsonObject { ["label"] = label, ["from"] = 0.8, ["to"] = 1.0, ["shade"] = "#d2d2d2" });
            bands.Add(new JsonObject { ["label"] = label, ["from"] = 1.0, ["to"] = top, ["shade"] = "#f2f2f2" });
        }

        var rowPixels = (s.Height * 0.7) / Math.Max(1, rows.Count);
        var labelSize = Math.Round(Math.Clamp(rowPixels * 0.4, 8 * s.Scale, 12 * s.Scale), 1);
        var encoding = new JsonObject
        {
            ["y"] = new JsonObject
            {
                ["field"] = "label",
                ["type"] = "nominal",
                ["sort"] = ChartStyle.Strings(labels),
                ["axis"] = new JsonObject
                {
                    ["title"] = text.YTitle,
                    ["labelFontSize"] = labelSize,
                    ["labelLimit"] = ChartStyle.Px(s, 300),
                    ["ticks"] = false,
                    ["domain"] = false,
                },
            },
        };
        var x = new JsonObject
        {
            ["field"] = "from",
            ["type"] = "quantitative",
            ["scale"] = new JsonObject { ["domain"] = new JsonArray(0, top), ["nice"] = false },
            ["axis"] = new JsonObject
            {
                ["title"] = text.XTitle ?? w.Attainment,
                ["format"] = ".0%",
                ["values"] = new JsonArray(0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0),
                ["grid"] = false,
            },
        };
        var bandLayer = new JsonObject
        {
            ["data"] = Values(bands),
            ["mark"] = Mark("bar", new JsonObject { ["height"] = new JsonObject { ["band"] = 0.8 } }),
            ["encoding"] = new JsonObject
            {
                ["x"] = x,
                ["x2"] = new JsonObject { ["field"] = "to" },
                ["color"] = new JsonObject { ["field"] = "shade", ["type"] = "nominal", ["scale"] = null },
            },
        };
        var barLayer = new JsonObject
        {
            ["mark"] = Mark("bar", new JsonObject { ["height"] = new JsonObject { ["band"] = 0.34 } }),
            ["encoding"] = new JsonObject
            {
                ["x"] = new JsonObject { ["field"] = "attainment", ["type"] = "quantitative" },
                ["color"] = new JsonObject
                {
                    ["field"] = "status",
                    ["type"] = "nominal",
                    ["scale"] = new JsonObject
                    {
                        ["domain"] = new JsonArray(w.Achieved, w.NotAchieved),
                        ["range"] = new JsonArray(ChartStyle.Achieved, ChartStyle.NotAchieved),
                    },
                    ["legend"] = new JsonObject { ["title"] = null },
                },
            },
        };
        var targetLayer = new JsonObject
        {
            ["mark"] = Mark("tick", new JsonObject
            {
                ["color"] = ChartStyle.Ink,
                ["thickness"] = ChartStyle.Px(s, 3),
                ["bandSize"] = Math.Round(rowPixels * 0.6, 1),
            }),
            ["encoding"] = new JsonObject { ["x"] = new JsonObject { ["datum"] = 1, ["type"] = "quantitative" } },
        };
        var labelLayer = new JsonObject
        {
            ["transform"] = new JsonArray(new JsonObject
            {
                ["calculate"] = "format(datum.actual, datum.format) + ' / ' + format(datum.target, datum.format)"
                    + " + '  (' + format(datum.trueAttainment, '.1%') + ')'",
                ["as"] = "caption",
            }),
            ["mark"] = Mark("text", new JsonObject
            {
                ["align"] = "left",
                ["baseline"] = "middle",
                ["dx"] = ChartStyle.Px(s, 10),
                ["fontSize"] = labelSize,
                ["color"] = ChartStyle.Ink,
            }),
            ["encoding"] = new JsonObject
            {
                ["x"] = new JsonObject { ["datum"] = top, ["type"] = "quantitative" },
                ["text"] = new JsonObject { ["field"] = "caption" },
            },
        };

        var spec = ChartStyle.Base(text, s, lang);
        if (spec["title"] is JsonObject title)
        {
            var note = lang == ChartLanguage.Vi
                ? "Thực hiện / chỉ tiêu (mức đạt); vạch đen: 100% chỉ tiêu"
                : "Actual / target (attainment); black tick: 100% of target";
            title["subtitle"] = new JsonArray(title["subtitle"]!.GetValue<string>(), note);
        }

        return Layered(spec, Values(data), encoding, bandLayer, barLayer, targetLayer, labelLayer);
    }
}
