using System.Text.Json.Nodes;

namespace Analytics.Reports.Charts;

/// <summary>
/// The house look shared by every chart: palette, Noto Sans, sizes, number locale and the words
/// the builders add. Sizes are design pixels at 960×540, multiplied by <see cref="ChartSize.Scale"/>.
/// </summary>
internal static class ChartStyle
{
    public const string Font = "Noto Sans";

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

    // Ordered parts such as ratings, best first: dark green to red.
    public static readonly string[] Ordered4 = ["#1e6b3f", "#6aaa64", "#e3b448", "#c0392b"];
    public static readonly string[] Ordered3 = ["#1e6b3f", "#e3b448", "#c0392b"];
    public static readonly string[] Ordered5 = ["#1e6b3f", "#6aaa64", "#b7c95b", "#e3b448", "#c0392b"];

    // Parts whose fill is dark enough for a white label.
    public static bool IsDark(string hex)
    {
        var r = Convert.ToInt32(hex.Substring(1, 2), 16);
        var g = Convert.ToInt32(hex.Substring(3, 2), 16);
        var b = Convert.ToInt32(hex.Substring(5, 2), 16);
        return (0.299 * r) + (0.587 * g) + (0.114 * b) < 150;
    }

    public static string NumberFormat(ValueFormat format) => format switch
    {
        ValueFormat.Count => ",.0f",
        ValueFormat.Percent => ".1%",
        _ => ",.1f",
    };

    // Axis ticks read better without decimals on percentages.
    public static string AxisFormat(ValueFormat format) => format switch
    {
        ValueFormat.Count => ",.0f",
        ValueFormat.Percent => ".0%",
        _ => ",.1f",
    };

    public static double Px(ChartSize size, double designPixels) => Math.Round(designPixels * size.Scale, 1);

    /// <summary>The skeleton every chart starts from: size, title, subtitle and the shared config.</summary>
    public static JsonObject Base(ChartText text, ChartSize size, ChartLanguage lang)
    {
        var w = ChartWords.For(lang);
        return new JsonObject
        {
            ["$schema"] = "https://vega.github.io/schema/vega-lite/v6.json",
            ["width"] = size.Width,
            ["height"] = size.Height,
            // The given size is the whole picture, titles, axes and legend included.
            ["autosize"] = new JsonObject { ["type"] = "fit", ["contains"] = "padding" },
            ["padding"] = new JsonObject
            {
                ["left"] = Px(size, 16),
                ["right"] = Px(size, 24),
                ["top"] = Px(size, 16),
                ["bottom"] = Px(size, 12),
            },
            ["background"] = "white",
            ["title"] = new JsonObject
            {
                ["text"] = text.Title,
                ["subtitle"] = $"{w.Source}: {text.Source} · {w.Period}: {text.Period}",
            },
            ["config"] = Config(size, lang),
        };
    }

    private static JsonObject Config(ChartSize size, ChartLanguage lang) => new()
    {
        ["font"] = Font,
        ["locale"] = Locale(lang),
        ["view"] = new JsonObject { ["stroke"] = null },
        ["title"] = new JsonObject
        {
            ["anchor"] = "start",
            ["font"] = Font,
            ["fontSize"] = Px(size, 21),
            ["fontWeight"] = "bold",
            ["color"] = Ink,
            ["subtitleFont"] = Font,
            ["subtitleFontSize"] = Px(size, 13),
            ["subtitleColor"] = SoftInk,
            ["subtitlePadding"] = Px(size, 6),
            ["offset"] = Px(size, 16),
        },
        ["axis"] = new JsonObject
        {
            ["labelFont"] = Font,
            ["labelFontSize"] = Px(size, 12),
            ["labelColor"] = SoftInk,
            ["titleFont"] = Font,
            ["titleFontSize"] = Px(size, 13),
            ["titleFontWeight"] = "bold",
            ["titleColor"] = SoftInk,
            ["titlePadding"] = Px(size, 10),
            ["labelPadding"] = Px(size, 4),
            ["gridColor"] = Grid,
            ["gridWidth"] = Px(size, 1),
            ["domainColor"] = Domain,
            ["domainWidth"] = Px(size, 1),
            ["tickColor"] = Domain,
            ["tickSize"] = Px(size, 5),
            ["tickWidth"] = Px(size, 1),
        },
        ["legend"] = new JsonObject
        {
            ["orient"] = "top",
            ["direction"] = "horizontal",
            ["labelFont"] = Font,
            ["labelFontSize"] = Px(size, 12),
            ["labelColor"] = SoftInk,
            ["titleFont"] = Font,
            ["titleFontSize"] = Px(size, 12),
            ["titleColor"] = SoftInk,
            ["symbolSize"] = Px(size, 12) * Px(size, 12),
            ["columnPadding"] = Px(size, 16),
            ["labelLimit"] = Px(size, 260),
            ["offset"] = Px(size, 10),
        },
        ["text"] = new JsonObject { ["font"] = Font, ["fontSize"] = Px(size, 12), ["color"] = Ink },
    };

    // Vietnamese writes 1.186.400 and 78,4%; vega formats every number through this locale, so the
    // same spec looks the same in the worker and later in the browser (vega-embed).
    private static JsonObject Locale(ChartLanguage lang) => new()
    {
        ["number"] = lang == ChartLanguage.Vi
            ? new JsonObject
            {
                ["decimal"] = ",",
                ["thousands"] = ".",
                ["grouping"] = new JsonArray(3),
                ["currency"] = new JsonArray("", " ₫"),
            }
            : new JsonObject
            {
                ["decimal"] = ".",
                ["thousands"] = ",",
                ["grouping"] = new JsonArray(3),
                ["currency"] = new JsonArray("$", ""),
            },
    };

    public static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);

    public static JsonArray Palette(int count, string[] palette)
    {
        var colors = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            colors.Add(palette[i % palette.Length]);
        }

        return colors;
    }
}
