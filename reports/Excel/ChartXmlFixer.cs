using System.IO.Compression;
using System.Xml.Linq;

namespace Analytics.Reports.Excel;

/// <summary>
/// Repairs what EPPlus 4 writes into chart parts, on the saved package:
/// <list type="bullet">
/// <item>elements out of the DrawingML chart schema's sequence order (Excel may drop such a chart,
/// and the Open XML validator refuses it) are put back in schema order;</item>
/// <item>series without their own fill get the report palette, since without a theme some viewers
/// draw them invisible;</item>
/// <item>the zip is rewritten with fixed entry timestamps, so the same workbook gives the same bytes.</item>
/// </list>
/// </summary>
public static class ChartXmlFixer
{
    private static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    private static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";

    // Sequence orders from the chart schema (dml-chart.xsd), for the elements EPPlus writes.
    private static readonly Dictionary<string, string[]> Orders = new()
    {
        ["chartSpace"] = ["date1904", "lang", "roundedCorners", "AlternateContent", "style", "clrMapOvr", "pivotSource", "protection", "chart", "spPr", "txPr", "externalData", "printSettings", "userShapes", "extLst"],
        ["chart"] = ["title", "autoTitleDeleted", "pivotFmts", "view3D", "floor", "sideWall", "backWall", "plotArea", "legend", "plotVisOnly", "dispBlanksAs", "showDLblsOverMax", "extLst"],
        ["barChart"] = ["barDir", "grouping", "varyColors", "ser", "dLbls", "gapWidth", "overlap", "serLines", "axId", "extLst"],
        ["lineChart"] = ["grouping", "varyColors", "ser", "dLbls", "dropLines", "hiLowLines", "upDownBars", "marker", "smooth", "axId", "extLst"],
        ["pieChart"] = ["varyColors", "ser", "dLbls", "firstSliceAng", "extLst"],
        ["catAx"] = ["axId", "scaling", "delete", "axPos", "majorGridlines", "minorGridlines", "title", "numFmt", "majorTickMark", "minorTickMark", "tickLblPos", "spPr", "txPr", "crossAx", "crosses", "crossesAt", "auto", "lblAlgn", "lblOffset", "tickLblSkip", "tickMarkSkip", "noMultiLvlLbl", "extLst"],
        ["valAx"] = ["axId", "scaling", "delete", "axPos", "majorGridlines", "minorGridlines", "title", "numFmt", "majorTickMark", "minorTickMark", "tickLblPos", "spPr", "txPr", "crossAx", "crosses", "crossesAt", "crossBetween", "majorUnit", "minorUnit", "dispUnits", "extLst"],
        ["scaling"] = ["logBase", "orientation", "max", "min", "extLst"],
        ["dLbls"] = ["dLbl", "delete", "numFmt", "spPr", "txPr", "dLblPos", "showLegendKey", "showVal", "showCatName", "showSerName", "showPercent", "showBubbleSize", "separator", "showLeaderLines", "leaderLines", "extLst"],
        ["legend"] = ["legendPos", "legendEntry", "layout", "overlay", "spPr", "txPr", "extLst"],
        ["title"] = ["tx", "layout", "overlay", "spPr", "txPr", "extLst"],
    };

    private static readonly Dictionary<string, string[]> SeriesOrders = new()
    {
        ["barChart"] = ["idx", "order", "tx", "spPr", "invertIfNegative", "pictureOptions", "dPt", "dLbls", "trendline", "errBars", "cat", "val", "shape", "extLst"],
        ["lineChart"] = ["idx", "order", "tx", "spPr", "marker", "dPt", "dLbls", "trendline", "errBars", "cat", "val", "smooth", "extLst"],
        ["pieChart"] = ["idx", "order", "tx", "spPr", "explosion", "dPt", "dLbls", "cat", "val", "extLst"],
    };

    private static readonly DateTimeOffset ZipStamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Returns the package with its chart parts repaired and a deterministic zip layout.</summary>
    public static byte[] Fix(byte[] package)
    {
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries.OrderBy(e => e.FullName == "[Content_Types].xml" ? 0 : 1).ThenBy(e => e.FullName, StringComparer.Ordinal))
            {
                byte[] bytes;
                using (var stream = entry.Open())
                using (var copy = new MemoryStream())
                {
                    stream.CopyTo(copy);
                    bytes = copy.ToArray();
                }
                if (entry.FullName.StartsWith("xl/charts/chart", StringComparison.Ordinal) && entry.FullName.EndsWith(".xml", StringComparison.Ordinal))
                {
                    bytes = FixChart(bytes);
                }
                var target = zip.CreateEntry(entry.FullName, CompressionLevel.Optimal);
                target.LastWriteTime = ZipStamp;
                using var write = target.Open();
                write.Write(bytes);
            }
        }
        return output.ToArray();
    }

    private static byte[] FixChart(byte[] xml)
    {
        var doc = XDocument.Load(new MemoryStream(xml));
        foreach (var kind in SeriesOrders.Keys)
        {
            foreach (var chart in doc.Descendants(C + kind))
            {
                var index = 0;
                foreach (var series in chart.Elements(C + "ser"))
                {
                    Colour(series, kind, ReportColors.Series[index++ % ReportColors.Series.Count]);
                    Reorder(series, SeriesOrders[kind]);
                }
            }
        }
        // Deepest first, so a parent is sorted after its children are final.
        foreach (var element in doc.Descendants().Reverse().ToList())
        {
            if (element.Name.Namespace == C && Orders.TryGetValue(element.Name.LocalName, out var order)) Reorder(element, order);
        }
        if (doc.Root is { } root && root.Name == C + "chartSpace") Reorder(root, Orders["chartSpace"]);
        if (doc.Root?.Element(C + "chart")?.Element(C + "plotArea") is { } plot) ReorderPlotArea(plot);

        using var stream = new MemoryStream();
        doc.Save(stream, SaveOptions.DisableFormatting);
        return stream.ToArray();
    }

    // Series that carry no fill of their own (most from EPPlus 4) get one: bars filled, lines stroked.
    private static void Colour(XElement series, string kind, string hex)
    {
        if (series.Element(C + "spPr") is { } existing && existing.Elements().Any(e => e.Name.LocalName is "solidFill" or "ln")) return;
        series.Element(C + "spPr")?.Remove();
        var solid = new XElement(A + "solidFill", new XElement(A + "srgbClr", new XAttribute("val", hex)));
        var shape = kind == "lineChart"
            ? new XElement(C + "spPr", new XElement(A + "ln", new XAttribute("w", 28575), new XAttribute("cap", "rnd"), solid))
            : new XElement(C + "spPr", solid, new XElement(A + "ln", new XElement(A + "solidFill", new XElement(A + "srgbClr", new XAttribute("val", hex)))));
        series.Add(shape);
        if (kind == "lineChart" && series.Element(C + "marker") is { } marker && marker.Element(C + "spPr") is null)
        {
            // A marker in the line's colour; schema order inside marker: symbol, size, spPr.
            marker.Add(new XElement(C + "spPr", new XElement(A + "solidFill", new XElement(A + "srgbClr", new XAttribute("val", hex))),
                new XElement(A + "ln", new XElement(A + "solidFill", new XElement(A + "srgbClr", new XAttribute("val", hex))))));
        }
    }

    private static void Reorder(XElement element, string[] order)
    {
        var children = element.Elements().ToList();
        if (children.Count < 2) return;
        var sorted = children
            .Select((child, i) => (child, i, rank: Rank(order, child)))
            .OrderBy(x => x.rank).ThenBy(x => x.i)
            .Select(x => x.child)
            .ToList();
        if (sorted.SequenceEqual(children)) return;
        foreach (var child in children) child.Remove();
        element.Add(sorted);
    }

    private static int Rank(string[] order, XElement child)
    {
        var i = Array.IndexOf(order, child.Name.LocalName);
        return i >= 0 ? i : order.Length - 1; // unknown elements go just before extLst
    }

    // plotArea: layout, then the chart groups, then the axes, then dTable, spPr, extLst.
    private static void ReorderPlotArea(XElement plot)
    {
        static int Rank(XElement e) => e.Name.LocalName switch
        {
            "layout" => 0,
            var n when n.EndsWith("Chart", StringComparison.Ordinal) => 1,
            "valAx" or "catAx" or "dateAx" or "serAx" => 2,
            "dTable" => 3,
            "spPr" => 4,
            _ => 5,
        };
        var children = plot.Elements().ToList();
        var sorted = children.Select((c, i) => (c, i)).OrderBy(x => Rank(x.c)).ThenBy(x => x.i).Select(x => x.c).ToList();
        if (sorted.SequenceEqual(children)) return;
        foreach (var child in children) child.Remove();
        plot.Add(sorted);
    }
}
