using ScottPlot;

namespace Analytics.Reports.Charts;

public static partial class ReportCharts
{
    /// <summary>
    /// Ranking of units: horizontal bars, largest first (ties by name), coloured by whether each
    /// unit met its target, with a black tick at the target and the value at the end of the bar.
    /// Unit names take two lines when they are long and the rows leave room for it.
    /// </summary>
    public static Chart Ranking(
        ChartText text,
        IReadOnlyList<UnitValue> units,
        ValueFormat format,
        double? target = null,
        ChartLanguage lang = ChartLanguage.Vi,
        ChartSize? size = null)
    {
        var c = new ChartCanvas(Sized(size), lang);
        var w = c.Words;
        var ordered = units
            .OrderByDescending(u => u.Value)
            .ThenBy(u => u.Unit, StringComparer.Ordinal)
            .ToList();
        var anyTarget = ordered.Any(u => (u.Target ?? target) is not null);

        var legend = anyTarget ? new List<(string, string)> { (w.Achieved, ChartStyle.Achieved), (w.NotAchieved, ChartStyle.NotAchieved) } : [];
        var top = c.Header(text, anyTarget ? [Capitalised(w.TargetTick)] : [], legend);
        var yTitle = text.YTitle ?? w.Unit;
        top += c.TopLeftTitleHeight(yTitle);

        var xTitle = text.XTitle ?? w.Value;
        var bottom = c.Height - c.BottomAxisHeight(xTitle.Length > 0);
        var n = Math.Max(1, ordered.Count);
        var rowPixels = (bottom - top) / n;

        // Row height shrinks with many units (63 provinces); text follows it, within limits.
        var labelSize = c.RowTextSize(rowPixels, rowPixels * 0.62f);
        var lines = rowPixels >= c.LineHeight(labelSize) * 2.1f ? 2 : 1;
        var nameRoom = c.Width * 0.3f;
        var names = ordered.Select(u => c.Fit(u.Unit, nameRoom, lines, labelSize, Math.Min(labelSize, c.Px(ChartStyle.MinLabelSize)), false)).ToList();
        var left = c.Px(ChartStyle.PadLeft) + Math.Max(names.Select(l => c.TextWidth(l.Text, l.Size, false)).DefaultIfEmpty(0).Max(), c.TextWidth(yTitle, c.Px(ChartStyle.AxisTitleSize), true) - c.Px(ChartStyle.PadLeft)) + c.Px(ChartStyle.AxisLabelGap);

        var high = Max(ordered.Select(u => Math.Max(u.Value, u.Target ?? target ?? 0)));
        var valueLabels = ordered.Select(u => ChartStyle.Number(u.Value, format, lang)).ToList();
        var widestValue = valueLabels.Select(v => c.TextWidth(v, labelSize, false)).DefaultIfEmpty(0).Max() + c.Px(5);
        var right = c.Width - c.Px(ChartStyle.PadRight);

        // The value axis ends where the longest bar's label still fits inside the image.
        var xMax = high <= 0 ? 1 : high * (right - left) / Math.Max(1, right - left - widestValue);
        // Up to the next round tick when it is near, so the axis ends on a labelled value (100%, not ~97%).
        var (_, roundStep) = ChartStyle.Ticks(0, xMax, 6);
        var roundTop = Math.Ceiling((xMax / roundStep) - 1e-9) * roundStep;
        if (roundTop <= xMax * 1.15)
        {
            xMax = roundTop;
        }

        var (ticks, step) = ChartStyle.Ticks(0, xMax, 6);
        ticks = [.. ticks.Where(v => v <= xMax * 1.0001)];
        c.PlotArea(left, top, right, bottom, 0, xMax, -0.5, n - 0.5);

        c.VerticalGrid(ticks.Where(v => v > 0));
        c.VerticalGrid([0], ChartStyle.Domain);
        c.BottomTicks(ticks.Select(v => (v, ChartStyle.Tick(v, format, lang, step))));
        c.BottomTitle(xTitle);
        c.TopLeftTitle(yTitle, c.Px(ChartStyle.PadLeft));

        var bars = new List<Bar>();
        var targetTicks = new List<(double X, double Y)>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var u = ordered[i];
            var y = ordered.Count - 1 - i;
            var unitTarget = u.Target ?? target;
            var color = unitTarget is null ? ChartStyle.Primary : u.Value >= unitTarget ? ChartStyle.Achieved : ChartStyle.NotAchieved;
            bars.Add(new Bar { Position = y, Value = u.Value, ValueBase = 0, Size = 0.72, FillColor = ScottPlot.Color.FromHex(color), LineWidth = 0 });
            c.Text(names[i].Text, left - c.Px(ChartStyle.AxisLabelGap), c.Y(y), Alignment.MiddleRight, names[i].Size, false, ChartStyle.SoftInk, "category");
            // A label that would cross the target tick starts after it instead.
            var labelX = c.X(u.Value) + c.Px(5);
            if (unitTarget is { } tick && c.X(tick) + c.Px(2) >= labelX - c.Px(5) && c.X(tick) - c.Px(2) <= labelX + c.TextWidth(valueLabels[i], labelSize, false))
            {
                labelX = Math.Max(labelX, c.X(tick) + c.Px(5));
            }

            c.Text(valueLabels[i], labelX, c.Y(y), Alignment.MiddleLeft, labelSize, false, ChartStyle.Ink, "value");
            if (unitTarget is { } t)
            {
                targetTicks.Add((t, y));
            }
        }

        c.Draw(p =>
        {
            var plot = p.Add.Bars(bars);
            plot.Horizontal = true;
        });
        var tickWidth = c.Px(3);
        foreach (var (x, y) in targetTicks)
        {
            c.Draw(p => ChartCanvas.Line(p, x, y - 0.475, x, y + 0.475, ChartStyle.TargetTick, tickWidth));
        }

        return c.Build();
    }
}
