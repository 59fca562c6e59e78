using ScottPlot;

namespace Analytics.Reports.Charts;

public static partial class ReportCharts
{
    /// <summary>
    /// Trend over periods (in the order given), one line per series, with a dashed target line.
    /// With one series every point is labelled; with several, only each line's last point.
    /// </summary>
    public static Chart Trend(
        ChartText text,
        IReadOnlyList<TrendPoint> points,
        ValueFormat format,
        double? target = null,
        ChartLanguage lang = ChartLanguage.Vi,
        ChartSize? size = null)
    {
        var c = new ChartCanvas(Sized(size), lang);
        var w = c.Words;
        var periods = points.Select(p => p.Period).Distinct().ToList();
        var series = points.Select(p => p.Series ?? "").Distinct().ToList();
        var multi = series.Count > 1;
        var colors = multi ? ChartStyle.Palette(series.Count, ChartStyle.Categorical) : [ChartStyle.Primary];

        var legend = multi ? series.Select((s, i) => (s, colors[i])).ToList() : [];
        var top = c.Header(text, [], legend);

        // Start at zero unless that would flatten the line into a strip at the top; leave headroom
        // above the highest point (or the target) for the value labels.
        var values = points.Select(p => p.Value).Concat(target is { } t0 ? [t0] : []).ToList();
        var lo = values.DefaultIfEmpty(0).Min();
        var hi = values.DefaultIfEmpty(1).Max();
        var span = hi - lo > 0 ? hi - lo : Math.Max(Math.Abs(hi), 1);
        var (yMin, yMax) = ChartStyle.Nice(lo >= 0 && lo <= 0.5 * hi ? 0 : lo - (0.15 * span), hi + (0.18 * span), 6);
        var (ticks, step) = ChartStyle.Ticks(yMin, yMax, 6);
        var tickLabels = ticks.Select(v => (v, ChartStyle.Tick(v, format, lang, step))).ToList();

        var labelSize = c.Px(ChartStyle.AxisLabelSize);
        var yTitle = text.YTitle ?? w.Value;
        var left = c.Px(ChartStyle.PadLeft) + tickLabels.Max(l => c.TextWidth(l.Item2, labelSize, false)) + c.Px(ChartStyle.AxisLabelGap);
        var targetCaption = target is { } t1 ? $"{w.Target}: {ChartStyle.Number(t1, format, lang)}" : null;
        var valueSize = c.Px(ChartStyle.ValueLabelSize);
        var right = c.Width - c.Px(ChartStyle.PadRight)
            - (targetCaption is null ? 0 : c.TextWidth(targetCaption, valueSize, true) + c.Px(6));

        // Period labels share the width; a long one takes two lines.
        var slot = (right - left) / Math.Max(1, periods.Count);
        var periodLabels = periods.Select(p => c.Fit(p, slot * 0.92f, 2, labelSize, c.Px(ChartStyle.MinLabelSize), false)).ToList();
        var tickLines = periodLabels.Max(l => l.Text.Count(ch => ch == '\n') + 1);
        var xTitle = text.XTitle ?? w.PeriodAxis;
        var bottom = c.Height - c.BottomAxisHeight(xTitle.Length > 0, tickLines);
        c.PlotArea(left, top + c.TopLeftTitleHeight(yTitle), right, bottom, -0.5, periods.Count - 0.5, yMin, yMax);

        c.HorizontalGrid(ticks.Where(v => v > yMin));
        c.HorizontalGrid([yMin], ChartStyle.Domain);
        c.VerticalGrid([-0.5], ChartStyle.Domain);
        c.LeftTicks(tickLabels);
        for (var i = 0; i < periods.Count; i++)
        {
            c.Text(periodLabels[i].Text, c.X(i), c.Data.Bottom + c.Px(ChartStyle.AxisLabelGap), Alignment.UpperCenter,
                periodLabels[i].Size, false, ChartStyle.SoftInk, "tick");
        }

        c.BottomTitle(xTitle);
        c.TopLeftTitle(yTitle, c.Px(ChartStyle.PadLeft));

        if (target is { } t)
        {
            var width = c.Px(2);
            c.Draw(p => ChartCanvas.Line(p, -0.5, t, periods.Count - 0.5, t, ChartStyle.TargetColor, width, dashed: true));
            c.Text(targetCaption!, right + c.Px(6), c.Y(t), Alignment.MiddleLeft, valueSize, true, ChartStyle.TargetColor, "target");
        }

        for (var k = 0; k < series.Count; k++)
        {
            var line = points.Where(p => (p.Series ?? "") == series[k]).Select(p => (X: (double)periods.IndexOf(p.Period), p.Value)).OrderBy(p => p.X).ToList();
            var color = colors[k];
            var xs = line.Select(p => p.X).ToArray();
            var ys = line.Select(p => p.Value).ToArray();
            var lineWidth = c.Px(3);
            var marker = c.Px(9);
            c.Draw(p =>
            {
                var scatter = p.Add.Scatter(xs, ys);
                scatter.LineWidth = lineWidth;
                scatter.Color = ScottPlot.Color.FromHex(color);
                scatter.MarkerSize = marker;
                scatter.MarkerShape = MarkerShape.FilledCircle;
            });
            foreach (var (x, value) in multi ? line.TakeLast(1) : line)
            {
                // Above the point, unless the label would sit on the target line: then below it.
                var caption = ChartStyle.Number(value, format, lang);
                var above = c.Y(value) - c.Px(8);
                var crosses = target is { } tl && c.Y(tl) >= above - c.LineHeight(valueSize, true) - c.Px(2) && c.Y(tl) <= above + c.Px(2);
                if (crosses)
                {
                    c.Text(caption, c.X(x), c.Y(value) + c.Px(8), Alignment.UpperCenter, valueSize, true, color, "value");
                }
                else
                {
                    c.Text(caption, c.X(x), above, Alignment.LowerCenter, valueSize, true, color, "value");
                }
            }
        }

        return c.Build();
    }
}
