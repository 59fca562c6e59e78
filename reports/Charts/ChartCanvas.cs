using ScottPlot;

namespace Analytics.Reports.Charts;

/// <summary>
/// Lays out one chart while it is built: measures and places every label with ScottPlot's text
/// measurement, fixes the plot area and its data limits, and collects what ScottPlot draws inside
/// it. ScottPlot has no subtitle, no label wrapping and no fitting of its own, so the chart kinds
/// place text here instead of leaving it to ScottPlot's axes.
/// </summary>
internal sealed class ChartCanvas
{
    private readonly List<ChartLabel> _labels = [];
    private readonly List<(PixelRect Rect, string Color)> _swatches = [];
    private readonly List<Action<Plot>> _draw = [];
    private PixelRect _data;
    private AxisLimits _limits;

    public ChartCanvas(ChartSize size, ChartLanguage lang)
    {
        ChartFonts.EnsureRegistered();
        Size = size;
        Lang = lang;
        Words = ChartWords.For(lang);
    }

    public ChartSize Size { get; }

    public ChartLanguage Lang { get; }

    public ChartWords Words { get; }

    public float Width => Size.Width;

    public float Height => Size.Height;

    public PixelRect Data => _data;

    /// <summary>Design pixels (at 960×540) to pixels of this chart.</summary>
    public float Px(double design) => (float)(design * Size.Scale);

    public static LabelStyle Style(float size, bool bold, string color) => new()
    {
        FontName = ChartFonts.Family,
        // Bold must be the bold file of the family: LabelStyle.Bold alone does not pick it.
        Font = bold ? ChartFonts.Bold : ChartFonts.Regular,
        FontSize = size,
        ForeColor = ScottPlot.Color.FromHex(color),
        AntiAliasText = true,
        SubpixelText = false,
        Padding = 0,
    };

    public PixelSize Measure(string text, float size, bool bold)
    {
        using var paint = ScottPlot.Paint.NewDisposablePaint();
        return Style(size, bold, ChartStyle.Ink).Measure(text, paint).Size;
    }

    public float TextWidth(string text, float size, bool bold) => Measure(text, size, bold).Width;

    public float LineHeight(float size, bool bold = false) => Measure("Ấ", size, bold).Height;

    /// <summary>
    /// Text size for one row of a horizontal chart: <paramref name="wanted"/> kept between the
    /// smallest and the usual label size, then made smaller still if a line would be taller than the
    /// row (68 provinces on one slide), so rows never overlap.
    /// </summary>
    public float RowTextSize(float rowPixels, float wanted)
    {
        var size = Math.Clamp(wanted, Px(ChartStyle.MinLabelSize), Px(ChartStyle.ValueLabelSize));
        var line = LineHeight(size);
        return line <= rowPixels * 0.95f ? size : size * rowPixels * 0.95f / line;
    }

    /// <summary>Places a label with its anchor at (x, y) and the given alignment of its box to the anchor.</summary>
    public ChartLabel Text(string text, float x, float y, Alignment align, float size, bool bold, string color, string role)
    {
        using var paint = ScottPlot.Paint.NewDisposablePaint();
        var measured = Style(size, bold, color).Measure(text, paint);
        var box = measured.Rect(align).WithOffset(new PixelOffset(x, y));
        var label = new ChartLabel(text, box, role)
        {
            Anchor = new Pixel(x, y),
            Alignment = align,
            FontSize = size,
            Bold = bold,
            Color = color,
        };
        _labels.Add(label);
        return label;
    }

    public void Swatch(PixelRect rect, string color) => _swatches.Add((rect, color));

    public void Draw(Action<Plot> draw) => _draw.Add(draw);

    /// <summary>
    /// Title, subtitle (source and period), optional note lines and the legend, top left. Returns the
    /// y where the plot area may begin.
    /// </summary>
    public float Header(ChartText text, IReadOnlyList<string> notes, IReadOnlyList<(string Label, string Color)> legend)
    {
        var left = Px(ChartStyle.PadLeft);
        var room = Width - left - Px(ChartStyle.PadRight);
        var y = Px(ChartStyle.PadTop);
        var (title, titleSize) = Fit(text.Title, room, 2, Px(ChartStyle.TitleSize), Px(ChartStyle.TitleSize * 0.8), bold: true);
        y = Text(title, left, y, Alignment.UpperLeft, titleSize, true, ChartStyle.Ink, "title").Bounds.Bottom + Px(ChartStyle.SubtitleGap);
        var subtitle = $"{Words.Source}: {text.Source} · {Words.Period}: {text.Period}";
        foreach (var line in notes.Prepend(subtitle))
        {
            var (fitted, size) = Fit(line, room, 2, Px(ChartStyle.SubtitleSize), Px(ChartStyle.SubtitleSize * 0.8), bold: false);
            y = Text(fitted, left, y, Alignment.UpperLeft, size, false, ChartStyle.SoftInk, "subtitle").Bounds.Bottom + Px(2);
        }

        if (legend.Count > 0)
        {
            y += Px(ChartStyle.LegendOffset);
            var size = Px(ChartStyle.LegendSize);
            var swatch = Px(ChartStyle.LegendSwatch);
            var rowHeight = Math.Max(swatch, LineHeight(size));
            var x = left;
            foreach (var (label, color) in legend)
            {
                var width = swatch + Px(5) + TextWidth(label, size, false);
                if (x > left && x + width > left + room)
                {
                    x = left;
                    y += rowHeight + Px(4);
                }

                var middle = y + (rowHeight / 2);
                Swatch(new PixelRect(x, x + swatch, middle + (swatch / 2), middle - (swatch / 2)), color);
                Text(label, x + swatch + Px(5), middle, Alignment.MiddleLeft, size, false, ChartStyle.SoftInk, "legend");
                x += width + Px(ChartStyle.LegendGap);
            }

            y += rowHeight;
        }

        return y + Px(ChartStyle.HeaderGap);
    }

    /// <summary>
    /// Fixes the plot area (in image pixels) and the data coordinates at its edges; x grows to the
    /// right and y upwards, as in ScottPlot.
    /// </summary>
    public void PlotArea(float left, float top, float right, float bottom, double xMin, double xMax, double yMin, double yMax)
    {
        _data = new PixelRect(left, right, bottom, top);
        _limits = new AxisLimits(xMin, xMax, yMin, yMax);
    }

    public float X(double x) => (float)(_data.Left + ((x - _limits.Left) / (_limits.Right - _limits.Left) * _data.Width));

    public float Y(double y) => (float)(_data.Bottom - ((y - _limits.Bottom) / (_limits.Top - _limits.Bottom) * _data.Height));

    /// <summary>Horizontal grid lines across the plot area at the given y values.</summary>
    public void HorizontalGrid(IEnumerable<double> ys, string color = ChartStyle.Grid)
    {
        var width = Px(1);
        var (x0, x1) = (_limits.Left, _limits.Right);
        foreach (var y in ys.ToList())
        {
            Draw(p => Line(p, x0, y, x1, y, color, width));
        }
    }

    public void VerticalGrid(IEnumerable<double> xs, string color = ChartStyle.Grid)
    {
        var width = Px(1);
        var (y0, y1) = (_limits.Bottom, _limits.Top);
        foreach (var x in xs.ToList())
        {
            Draw(p => Line(p, x, y0, x, y1, color, width));
        }
    }

    public static void Line(Plot plot, double x1, double y1, double x2, double y2, string color, float width, bool dashed = false)
    {
        var line = plot.Add.Line(x1, y1, x2, y2);
        line.LineWidth = width;
        line.LineColor = ScottPlot.Color.FromHex(color);
        line.MarkerSize = 0;
        if (dashed)
        {
            line.LinePattern = LinePattern.Dashed;
        }
    }

    /// <summary>Tick labels left of the plot area, right-aligned.</summary>
    public void LeftTicks(IEnumerable<(double Y, string Label)> ticks)
    {
        var size = Px(ChartStyle.AxisLabelSize);
        foreach (var (y, label) in ticks)
        {
            Text(label, _data.Left - Px(ChartStyle.AxisLabelGap), Y(y), Alignment.MiddleRight, size, false, ChartStyle.SoftInk, "tick");
        }
    }

    /// <summary>Tick labels under the plot area, centred.</summary>
    public void BottomTicks(IEnumerable<(double X, string Label)> ticks)
    {
        var size = Px(ChartStyle.AxisLabelSize);
        foreach (var (x, label) in ticks)
        {
            Text(label, X(x), _data.Bottom + Px(ChartStyle.AxisLabelGap), Alignment.UpperCenter, size, false, ChartStyle.SoftInk, "tick");
        }
    }

    /// <summary>The x axis title, centred under the plot area at the bottom of the image.</summary>
    public void BottomTitle(string title)
    {
        if (title.Length == 0) return;
        Text(title, _data.Left + (_data.Width / 2), Height - Px(ChartStyle.PadBottom), Alignment.LowerCenter,
            Px(ChartStyle.AxisTitleSize), true, ChartStyle.SoftInk, "axis");
    }

    /// <summary>Height the bottom axis needs under the plot area: tick labels (of the given line count) and the title.</summary>
    public float BottomAxisHeight(bool title, int tickLines = 1) =>
        Px(ChartStyle.AxisLabelGap) + (LineHeight(Px(ChartStyle.AxisLabelSize)) * tickLines)
        + (title ? Px(ChartStyle.AxisTitleGap) + LineHeight(Px(ChartStyle.AxisTitleSize), true) : 0)
        + Px(ChartStyle.PadBottom);

    /// <summary>
    /// The y axis title, written level above the tick labels at the top left of the plot area (a
    /// slide is read level; a turned title is hard to read from the back of a hall). Returns the
    /// height it takes, to be left free above the plot area.
    /// </summary>
    public float TopLeftTitleHeight(string? title) =>
        string.IsNullOrEmpty(title) ? 0 : LineHeight(Px(ChartStyle.AxisTitleSize), true) + TitleLift;

    public void TopLeftTitle(string? title, float x)
    {
        if (string.IsNullOrEmpty(title)) return;
        Text(title, x, _data.Top - TitleLift, Alignment.LowerLeft, Px(ChartStyle.AxisTitleSize), true, ChartStyle.SoftInk, "axis");
    }

    // Room between the axis title and the plot area: half a tick label (the top tick is centred on
    // the plot's top edge) and a small gap.
    private float TitleLift => (LineHeight(Px(ChartStyle.AxisLabelSize)) / 2) + Px(4);

    /// <summary>
    /// The text at the largest size from <paramref name="size"/> down to <paramref name="minSize"/> at
    /// which it fits <paramref name="maxWidth"/> in at most <paramref name="maxLines"/> lines broken at
    /// spaces. Words are never cut: when even the smallest size cannot hold it all, the last line
    /// ends at a whole word with "…", or, with <paramref name="whole"/> (a name that must be read in
    /// full, like a target's short name), the text takes as many lines as it needs at that size.
    /// </summary>
    public (string Text, float Size) Fit(string text, float maxWidth, int maxLines, float size, float minSize, bool bold, bool whole = false)
    {
        var step = Math.Max(0.5f, Px(0.5));
        for (var s = size; s >= minSize - 0.01f; s -= step)
        {
            var lines = Wrap(text, maxWidth, maxLines, s, bold);
            if (lines is not null)
            {
                return (string.Join('\n', lines), s);
            }
        }

        return (Shortened(text, maxWidth, whole ? int.MaxValue : maxLines, minSize, bold), minSize);
    }

    /// <summary>The text in at most <paramref name="maxLines"/> lines no wider than <paramref name="maxWidth"/>, or null.</summary>
    public IReadOnlyList<string>? Wrap(string text, float maxWidth, int maxLines, float size, bool bold)
    {
        if (TextWidth(text, size, bold) <= maxWidth)
        {
            return [text];
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (maxLines < 2 || words.Length < 2)
        {
            return null;
        }

        if (maxLines == 2)
        {
            // The break that makes the wider line narrowest, so two lines look even.
            string[]? best = null;
            var bestWidth = float.MaxValue;
            for (var i = 1; i < words.Length; i++)
            {
                var first = string.Join(' ', words[..i]);
                var second = string.Join(' ', words[i..]);
                var width = Math.Max(TextWidth(first, size, bold), TextWidth(second, size, bold));
                if (width <= maxWidth && width < bestWidth)
                {
                    (best, bestWidth) = ([first, second], width);
                }
            }

            return best;
        }

        var lines = new List<string>();
        var current = "";
        foreach (var word in words)
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (TextWidth(candidate, size, bold) <= maxWidth || current.Length == 0)
            {
                current = candidate;
            }
            else
            {
                lines.Add(current);
                current = word;
            }
        }

        lines.Add(current);
        return lines.Count <= maxLines && lines.All(l => TextWidth(l, size, bold) <= maxWidth) ? lines : null;
    }

    private string Shortened(string text, float maxWidth, int maxLines, float size, bool bold)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<string>();
        var current = "";
        var used = 0;
        foreach (var word in words)
        {
            var candidate = current.Length == 0 ? word : current + " " + word;
            if (TextWidth(candidate, size, bold) <= maxWidth || current.Length == 0)
            {
                current = candidate;
                used++;
                continue;
            }

            lines.Add(current);
            if (lines.Count == maxLines)
            {
                current = "";
                break;
            }

            current = word;
            used++;
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        if (used < words.Length)
        {
            var last = lines[^1];
            while (TextWidth(last + "…", size, bold) > maxWidth && last.Contains(' ', StringComparison.Ordinal))
            {
                last = last[..last.LastIndexOf(' ')];
            }

            lines[^1] = last.TrimEnd(',', ';', ':', '–', '-', ' ') + "…";
        }

        return string.Join('\n', lines);
    }

    public Chart Build() => new(Size, _data, _limits, plot =>
    {
        foreach (var draw in _draw)
        {
            draw(plot);
        }
    }, [.. _labels], [.. _swatches]);
}
