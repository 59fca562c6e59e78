using System.Globalization;
using System.Text.RegularExpressions;
using ScottPlot;
using SkiaSharp;

namespace Analytics.Reports.Charts;

/// <summary>
/// A chart built by <see cref="ReportCharts"/>: its layout is fixed when it is built (every label
/// and its measured box is in <see cref="Labels"/>), and it is drawn by ScottPlot in the process,
/// to SVG or PNG, on any thread. The same chart always gives the same files.
/// </summary>
public sealed partial class Chart
{
    private readonly Action<Plot> _draw;
    private readonly IReadOnlyList<(PixelRect Rect, string Color)> _swatches;

    internal Chart(ChartSize size, PixelRect dataRect, AxisLimits limits, Action<Plot> draw,
        IReadOnlyList<ChartLabel> labels, IReadOnlyList<(PixelRect Rect, string Color)> swatches)
    {
        Size = size;
        DataRect = dataRect;
        Limits = limits;
        _draw = draw;
        Labels = labels;
        _swatches = swatches;
    }

    /// <summary>The size of the whole image in pixels.</summary>
    public ChartSize Size { get; }

    /// <summary>The plot area in image pixels; <see cref="Limits"/> are its data coordinates.</summary>
    public PixelRect DataRect { get; }

    /// <summary>The data coordinates at the edges of <see cref="DataRect"/>.</summary>
    public AxisLimits Limits { get; }

    /// <summary>Every text drawn on the chart, in drawing order, with its measured box.</summary>
    public IReadOnlyList<ChartLabel> Labels { get; }

    /// <summary>Builds the ScottPlot plot of this chart (a new one each call; a plot is not shared between threads).</summary>
    public Plot Plot()
    {
        ChartFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Axes.Frameless(true);
        plot.HideGrid();
        plot.Layout.Fixed(DataRect);
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        _draw(plot);
        plot.Axes.SetLimits(Limits);
        plot.RenderManager.RenderActions.Add(new TextLayer(Labels, _swatches));
        return plot;
    }

    /// <summary>The chart as SVG text; text stays text, in the Inter family.</summary>
    public string RenderSvg()
    {
        using var plot = Plot();
        var svg = NumberClipPaths(plot.GetSvgXml(Size.Width, Size.Height));
        // A viewBox lets a page scale the SVG to its box (index.html, the web page's inline chart).
        var root = svg.IndexOf("<svg ", StringComparison.Ordinal);
        return root < 0 ? svg : svg.Insert(root + 5, $"viewBox=\"0 0 {Size.Width.ToString(CultureInfo.InvariantCulture)} {Size.Height.ToString(CultureInfo.InvariantCulture)}\" ");
    }

    // Skia's SVG canvas names clip paths from a counter shared by the whole process; numbering them
    // per document makes the same chart give the same SVG whatever was drawn before it.
    private static string NumberClipPaths(string svg)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m =>
        {
            if (!ids.TryGetValue(m.Value, out var id))
            {
                id = "clip" + (ids.Count + 1).ToString(CultureInfo.InvariantCulture);
                ids[m.Value] = id;
            }

            return id;
        });
    }

    [GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial Regex ClipId();

    /// <summary>The chart as a PNG of exactly <see cref="Size"/>.</summary>
    public byte[] RenderPng(PngSettings? settings = null)
    {
        settings ??= PngSettings.Default;
        using var plot = Plot();
        using var surface = SKSurface.Create(new SKImageInfo(Size.Width, Size.Height, SKColorType.Rgba8888, SKAlphaType.Opaque))
            ?? throw new ChartRenderException($"Skia could not make a {Size.Width}×{Size.Height} surface.");
        plot.Render(surface);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        using var data = pixels.Encode(new SKPngEncoderOptions(settings.Filters, settings.ZLibLevel))
            ?? throw new ChartRenderException("Skia could not encode the PNG.");
        return data.ToArray();
    }

    /// <summary>Both files of a slide.</summary>
    public RenderedChart Render(PngSettings? settings = null) => new(RenderSvg(), RenderPng(settings));

    // Drawn after ScottPlot's own steps, on the whole image (not clipped to the plot area): legend
    // swatches, then every label at the place measured when the chart was built.
    private sealed class TextLayer(IReadOnlyList<ChartLabel> labels, IReadOnlyList<(PixelRect Rect, string Color)> swatches) : IRenderAction
    {
        public void Render(RenderPack rp)
        {
            using var fill = new SKPaint { Style = SKPaintStyle.Fill, IsAntialias = true };
            foreach (var (rect, color) in swatches)
            {
                fill.Color = SKColor.Parse(color);
                rp.Canvas.DrawRect(rect.ToSKRect(), fill);
            }

            using var paint = ScottPlot.Paint.NewDisposablePaint();
            foreach (var label in labels)
            {
                var style = ChartCanvas.Style(label.FontSize, label.Bold, label.Color);
                style.Alignment = label.Alignment;
                style.Render(rp.Canvas, label.Anchor, paint, label.Text, true);
            }
        }
    }
}
