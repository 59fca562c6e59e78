using System.Text.Json.Nodes;

namespace Analytics.Reports.Charts;

/// <summary>
/// Builds the Vega-Lite specs for the report charts from plain records. Specs carry their data
/// inline and depend only on their arguments, so the same data always gives the same SVG; the web
/// page can show the same specs with vega-embed. Render them with <see cref="ChartWorker"/>.
/// </summary>
public static partial class ChartSpecs
{
    private static ChartSize Sized(ChartSize? size) => size ?? ChartSize.Workbook;

    // Vega expressions take string literals in single quotes; words and titles come from us or
    // from indicator names, so escape rather than trust them.
    private static string Quote(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "\\'") + "'";

    private static JsonObject Layered(JsonObject spec, JsonObject data, JsonObject? encoding, params JsonObject[] layers)
    {
        spec["data"] = data;
        if (encoding is not null)
        {
            spec["encoding"] = encoding;
        }

        spec["layer"] = new JsonArray([.. layers]);
        return spec;
    }

    private static JsonObject Values(JsonArray rows) => new() { ["values"] = rows };

    private static JsonObject Mark(string type, JsonObject? properties = null)
    {
        var mark = properties ?? [];
        mark["type"] = type;
        return mark;
    }

    private static double Max(IEnumerable<double> values) => values.DefaultIfEmpty(0).Max();
}
