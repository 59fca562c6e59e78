using ScottPlot;

namespace Analytics.Reports.Charts;

public static partial class ReportCharts
{
    /// <summary>
    /// Horizontal 100% stacked bars, e.g. ratings (xuất sắc / tốt / hoàn thành / không hoàn thành)
    /// by sector. Parts are stacked and coloured in the order of <paramref name="parts"/> (best
    /// first: dark green to red for 3–5 parts); segments show their share, the bar end its total.
    /// </summary>
    public static Chart StackedBars(
        ChartText text,
        IReadOnlyList<StackedValue> values,
        IReadOnlyList<string> parts,
        ChartLanguage lang = ChartLanguage.Vi,
        ChartSize? size = null)
    {
        var c = new ChartCanvas(Sized(size), lang);
        var w = c.Words;
        var categories = values.Select(v => v.Category).Distinct().ToList();
        var palette = parts.Count switch
        {
            3 => ChartStyle.Ordered3,
            4 => ChartStyle.Ordered4,
            5 => ChartStyle.Ordered5,
            _ => ChartStyle.Categorical,
        };
        var colors = ChartStyle.Palette(parts.Count, palette);
        var top = c.Header(text, [], [.. parts.Select((p, i) => (p, colors[i]))]);
        if (!string.IsNullOrEmpty(text.YTitle))
        {
            top += c.TopLeftTitleHeight(text.YTitle);
        }

        var xTitle = text.XTitle ?? w.Share;
        var bottom = c.Height - c.BottomAxisHeight(xTitle.Length > 0);
        var n = Math.Max(1, categories.Count);
        var rowPixels = (bottom - top) / n;
        var labelSize = c.RowTextSize(rowPixels, c.Px(ChartStyle.ValueLabelSize));
        var names = categories.Select(cat => c.Fit(cat, c.Width * 0.25f, rowPixels >= c.LineHeight(labelSize) * 2.1f ? 2 : 1,
            labelSize, Math.Min(labelSize, c.Px(ChartStyle.MinLabelSize)), false)).ToList();
        var left = c.Px(ChartStyle.PadLeft) + names.Select(l => c.TextWidth(l.Text, l.Size, false)).DefaultIfEmpty(0).Max() + c.Px(ChartStyle.AxisLabelGap);
        var totals = categories.Select(cat => values.Where(v => v.Category == cat).Sum(v => v.Value)).ToList();
        var totalLabels = totals.Select(t => "n = " + ChartStyle.Number(t, ValueFormat.Count, lang)).ToList();
        var right = c.Width - c.Px(ChartStyle.PadRight) - c.Px(6)
            - totalLabels.Select(t => c.TextWidth(t, labelSize, false)).DefaultIfEmpty(0).Max();
        c.PlotArea(left, top, right, bottom, 0, 1, -0.5, n - 0.5);

        var (ticks, step) = ChartStyle.Ticks(0, 1, 5);
        c.VerticalGrid(ticks.Where(v => v > 0));
        c.BottomTicks(ticks.Select(v => (v, ChartStyle.Tick(v, ValueFormat.Percent, lang, step))));
        c.BottomTitle(xTitle);
        c.TopLeftTitle(text.YTitle, c.Px(ChartStyle.PadLeft));

        var bars = new List<Bar>();
        var stroke = ScottPlot.Color.FromHex(ChartStyle.White);
        var strokeWidth = c.Px(1);
        for (var row = 0; row < categories.Count; row++)
        {
            var y = categories.Count - 1 - row;
            var inCategory = values.Where(v => v.Category == categories[row]).ToList();
            var total = totals[row];
            var start = 0.0;
            for (var i = 0; i < parts.Count; i++)
            {
                var share = total > 0 ? inCategory.Where(v => v.Part == parts[i]).Sum(v => v.Value) / total : 0;
                if (share > 0)
                {
                    bars.Add(new Bar
                    {
                        Position = y, ValueBase = start, Value = start + share, Size = 0.66,
                        FillColor = ScottPlot.Color.FromHex(colors[i]), LineColor = stroke, LineWidth = strokeWidth,
                    });
                }

                // Too narrow a segment cannot hold "12,5%"; its share is still readable from the axis.
                var caption = ChartStyle.Number(share, ValueFormat.Percent, lang);
                if (share >= 0.06 && c.TextWidth(caption, labelSize, false) < (c.X(share) - c.X(0)) * 0.9f)
                {
                    c.Text(caption, c.X(start + (share / 2)), c.Y(y), Alignment.MiddleCenter, labelSize, false,
                        ChartStyle.IsDark(colors[i]) ? ChartStyle.White : ChartStyle.Ink, "value");
                }

                start += share;
            }

            c.Text(names[row].Text, left - c.Px(ChartStyle.AxisLabelGap), c.Y(y), Alignment.MiddleRight, names[row].Size, false, ChartStyle.SoftInk, "category");
            c.Text(totalLabels[row], c.X(1) + c.Px(6), c.Y(y), Alignment.MiddleLeft, labelSize, false, ChartStyle.SoftInk, "total");
        }

        c.Draw(p =>
        {
            var plot = p.Add.Bars(bars);
            plot.Horizontal = true;
        });
        return c.Build();
    }
}
