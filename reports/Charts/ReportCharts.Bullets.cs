using ScottPlot;

namespace Analytics.Reports.Charts;

public static partial class ReportCharts
{
    /// <summary>
    /// KPI bullets for a scorecard: one row per target in the order given. Rows measure different
    /// things (members, percentages), so the bar is the attainment (actual ÷ target) on a shared
    /// scale with the target at 100%; grey bands mark below 80%, 80–100% and above; the caption
    /// gives actual / target in each row's own format. Target names (a row's label: the target's id
    /// and short name) take two lines when long and are always shown in full, never shortened.
    /// </summary>
    public static Chart Bullets(
        ChartText text,
        IReadOnlyList<BulletRow> rows,
        ChartLanguage lang = ChartLanguage.Vi,
        ChartSize? size = null)
    {
        var c = new ChartCanvas(Sized(size), lang);
        var w = c.Words;
        static double Attainment(BulletRow r) => r.Target != 0 ? r.Actual / r.Target : (r.Actual >= 0 ? 1 : 0);
        var end = Math.Min(2.0, Math.Max(1.2, (Math.Ceiling(Max(rows.Select(Attainment)) * 10) / 10) + 0.05));

        var top = c.Header(text, [w.BulletNote], [(w.Achieved, ChartStyle.Achieved), (w.NotAchieved, ChartStyle.NotAchieved)]);
        if (!string.IsNullOrEmpty(text.YTitle))
        {
            top += c.TopLeftTitleHeight(text.YTitle);
        }

        var xTitle = text.XTitle ?? w.Attainment;
        var bottom = c.Height - c.BottomAxisHeight(xTitle.Length > 0);
        var n = Math.Max(1, rows.Count);
        var rowPixels = (bottom - top) / n;
        var labelSize = c.RowTextSize(rowPixels, rowPixels * 0.4f);
        var lines = rowPixels >= c.LineHeight(labelSize) * 2.1f ? 2 : 1;
        var names = rows.Select(r => c.Fit(r.Label, c.Width * 0.34f, lines, labelSize, Math.Min(labelSize, c.Px(ChartStyle.MinLabelSize)), false, whole: true)).ToList();
        var left = c.Px(ChartStyle.PadLeft) + names.Select(l => c.TextWidth(l.Text, l.Size, false)).DefaultIfEmpty(0).Max() + c.Px(8);
        var captions = rows.Select(r =>
            $"{ChartStyle.Number(r.Actual, r.Format, lang)} / {ChartStyle.Number(r.Target, r.Format, lang)}  ({ChartStyle.Number(Attainment(r), ValueFormat.Percent, lang)})").ToList();
        var right = c.Width - c.Px(ChartStyle.PadRight) - c.Px(10) - captions.Select(t => c.TextWidth(t, labelSize, false)).DefaultIfEmpty(0).Max();
        c.PlotArea(left, top, right, bottom, 0, end, -0.5, n - 0.5);

        var ticks = Enumerable.Range(0, 11).Select(i => i * 0.2).Where(v => v <= end + 1e-9).ToList();
        c.BottomTicks(ticks.Select(v => (v, ChartStyle.Tick(v, ValueFormat.Percent, lang, 0.2))));
        c.BottomTitle(xTitle);
        c.TopLeftTitle(text.YTitle, c.Px(ChartStyle.PadLeft));

        var bands = new List<Bar>();
        var bars = new List<Bar>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var y = rows.Count - 1 - i;
            foreach (var (from, to, shade) in new[] { (0.0, 0.8, "#e6e6e6"), (0.8, 1.0, "#d2d2d2"), (1.0, end, "#f2f2f2") })
            {
                bands.Add(new Bar { Position = y, ValueBase = from, Value = to, Size = 0.8, FillColor = ScottPlot.Color.FromHex(shade), LineWidth = 0 });
            }

            // Bars past the axis end are drawn to it; the caption still tells the true figure.
            bars.Add(new Bar
            {
                Position = y, ValueBase = 0, Value = Math.Min(Attainment(r), end), Size = 0.34, LineWidth = 0,
                FillColor = ScottPlot.Color.FromHex(r.IsAchieved ? ChartStyle.Achieved : ChartStyle.NotAchieved),
            });
            c.Text(names[i].Text, left - c.Px(8), c.Y(y), Alignment.MiddleRight, names[i].Size, false, ChartStyle.Ink, "category");
            c.Text(captions[i], right + c.Px(10), c.Y(y), Alignment.MiddleLeft, labelSize, false, ChartStyle.Ink, "value");
        }

        c.Draw(p =>
        {
            p.Add.Bars(bands).Horizontal = true;
            p.Add.Bars(bars).Horizontal = true;
        });
        var tick = c.Px(3);
        for (var y = 0; y < rows.Count; y++)
        {
            var row = y;
            c.Draw(p => ChartCanvas.Line(p, 1, row - 0.3, 1, row + 0.3, ChartStyle.TargetTick, tick));
        }

        return c.Build();
    }
}
