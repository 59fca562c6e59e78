using ScottPlot;

namespace Analytics.Reports.Charts;

public static partial class ReportCharts
{
    /// <summary>
    /// Grouped vertical bars: one group per category, one bar per series (e.g. last year and this
    /// year by child unit), categories and series in the order given, each bar labelled with its
    /// value, or with "không có" / "absent" where the category had no value for that series.
    /// </summary>
    public static Chart GroupedBars(
        ChartText text,
        IReadOnlyList<GroupedValue> values,
        ValueFormat format,
        ChartLanguage lang = ChartLanguage.Vi,
        ChartSize? size = null)
    {
        var c = new ChartCanvas(Sized(size), lang);
        var w = c.Words;
        var categories = values.Select(v => v.Category).Distinct().ToList();
        var series = values.Select(v => v.Series).Distinct().ToList();
        var colors = ChartStyle.Palette(series.Count, ChartStyle.Categorical);
        var top = c.Header(text, [], [.. series.Select((s, i) => (s, colors[i]))]);
        var yTitle = text.YTitle ?? w.Value;
        top += c.TopLeftTitleHeight(yTitle);

        var high = Max(values.Select(v => v.Value ?? 0));
        var (yMin, yMax) = ChartStyle.Nice(0, high <= 0 ? 1 : high * 1.1, 6);
        var (ticks, step) = ChartStyle.Ticks(yMin, yMax, 6);
        var tickLabels = ticks.Select(v => (v, ChartStyle.Tick(v, format, lang, step))).ToList();
        var axisSize = c.Px(ChartStyle.AxisLabelSize);
        var left = c.Px(ChartStyle.PadLeft) + tickLabels.Max(l => c.TextWidth(l.Item2, axisSize, false)) + c.Px(ChartStyle.AxisLabelGap);
        var right = c.Width - c.Px(ChartStyle.PadRight);

        // Category names share the width, two lines at most, never cut inside a word.
        var slot = (right - left) / Math.Max(1, categories.Count);
        var names = categories.Select(n => c.Fit(n, slot * 0.94f, 2, axisSize, c.Px(ChartStyle.MinLabelSize), false)).ToList();
        var nameLines = names.Max(l => l.Text.Count(ch => ch == '\n') + 1);
        var xTitle = text.XTitle ?? w.Unit;
        var bottom = c.Height - c.BottomAxisHeight(xTitle.Length > 0, nameLines);
        c.PlotArea(left, top, right, bottom, -0.5, categories.Count - 0.5, yMin, yMax);

        c.HorizontalGrid(ticks.Where(v => v > yMin));
        c.VerticalGrid([-0.5], ChartStyle.Domain);
        c.LeftTicks(tickLabels);
        c.TopLeftTitle(yTitle, c.Px(ChartStyle.PadLeft));
        for (var i = 0; i < categories.Count; i++)
        {
            c.Text(names[i].Text, c.X(i), c.Data.Bottom + c.Px(ChartStyle.AxisLabelGap), Alignment.UpperCenter,
                names[i].Size, false, ChartStyle.SoftInk, "category");
        }

        c.BottomTitle(xTitle);

        // Bars fill 90% of a group; a value label must fit over its bar.
        var band = 0.9 / Math.Max(1, series.Count);
        var barPixels = (float)(band * slot);
        var labels = values.Select(v => v.Value is { } x ? ChartStyle.Number(x, format, lang) : w.Absent).ToList();
        var valueSize = c.Px(ChartStyle.ValueLabelSize);
        while (valueSize > c.Px(ChartStyle.MinLabelSize) && labels.Any(l => c.TextWidth(l, valueSize, false) > barPixels * 1.08f))
        {
            valueSize -= c.Px(0.5);
        }

        var bars = new List<Bar>();
        foreach (var v in values)
        {
            var k = series.IndexOf(v.Series);
            var x = categories.IndexOf(v.Category) - 0.45 + (band * (k + 0.5));
            if (v.Value is { } value)
            {
                bars.Add(new Bar { Position = x, Value = value, ValueBase = 0, Size = band * 0.94, FillColor = ScottPlot.Color.FromHex(colors[k]), LineWidth = 0 });
                c.Text(ChartStyle.Number(value, format, lang), c.X(x), c.Y(value) - c.Px(3), Alignment.LowerCenter, valueSize, false, ChartStyle.Ink, "value");
            }
            else
            {
                c.Text(w.Absent, c.X(x), c.Y(0) - c.Px(3), Alignment.LowerCenter, valueSize, false, ChartStyle.SoftInk, "absent");
            }
        }

        c.Draw(p => p.Add.Bars(bars));
        var domain = c.Px(1);
        c.Draw(p => ChartCanvas.Line(p, -0.5, 0, categories.Count - 0.5, 0, ChartStyle.Domain, domain));
        return c.Build();
    }
}
