using SkiaSharp;

namespace Analytics.Reports.Charts;

/// <summary>
/// How a chart's PNG is compressed. Encoding, not drawing, is most of a slide's time; the default
/// was chosen by measurement (docs/benchmarks.md): row filter "Sub" and zlib level 3.
/// </summary>
public sealed record PngSettings(SKPngEncoderFilterFlags Filters, int ZLibLevel)
{
    public static readonly PngSettings Default = new(SKPngEncoderFilterFlags.Sub, 3);
}
