using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;
using SkiaSharp;
using Xunit;

namespace Analytics.Reports.Tests.Charts;

/// <summary>
/// Reviewed golden files in golden/ beside the calling test. Run the tests with UPDATE_GOLDEN=1 to
/// rewrite them after an intended change, then look at the PNGs before committing.
/// </summary>
internal static class Golden
{
    private static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    /// <summary>
    /// Compares an SVG with its golden file by structure: every element in document order, with the
    /// text, font, size and colour of each text element. Coordinates are left out, so a change of a
    /// fraction of a pixel in Skia does not fail it, while a missing, added or reworded label does.
    /// </summary>
    public static void AssertSvgMatches(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var path = PathOf(name, callerFile);
        if (Updating)
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"Missing golden file {path}; run the tests with UPDATE_GOLDEN=1 and review it.");
        var expected = Structure(File.ReadAllText(path));
        var got = Structure(actual);
        var at = Enumerable.Range(0, Math.Min(expected.Count, got.Count)).Where(i => expected[i] != got[i]).DefaultIfEmpty(-1).First();
        Assert.True(at < 0 && expected.Count == got.Count,
            at >= 0 ? $"{name}: element {at} differs: expected {expected[at]} but got {got[at]}"
                    : $"{name}: {got.Count} elements, golden has {expected.Count}");
    }

    public static List<string> Structure(string svg) =>
    [
        .. XDocument.Parse(svg).Descendants().Select(e => e.Name.LocalName == "text"
            ? $"text '{e.Value.Trim()}' {(string?)e.Attribute("font-family")} {(string?)e.Attribute("font-size")} {(string?)e.Attribute("font-weight")} {(string?)e.Attribute("fill")}"
            : e.Name.LocalName),
    ];

    /// <summary>
    /// Compares a PNG with its golden file allowing small rendering differences: at most
    /// <paramref name="tolerance"/> of the pixels may differ by more than 24 in a channel.
    /// </summary>
    public static void AssertPngMatches(string name, byte[] actual, double tolerance = 0.002, [CallerFilePath] string callerFile = "")
    {
        var path = PathOf(name, callerFile);
        if (Updating)
        {
            File.WriteAllBytes(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Missing golden file {path}; run the tests with UPDATE_GOLDEN=1 and review it.");
        var share = DifferentPixels(File.ReadAllBytes(path), actual);
        Assert.True(share <= tolerance, $"{name}: {share:P3} of the pixels differ from the golden PNG (at most {tolerance:P3} may).");
    }

    public static double DifferentPixels(byte[] expectedPng, byte[] actualPng)
    {
        using var expected = SKBitmap.Decode(expectedPng);
        using var actual = SKBitmap.Decode(actualPng);
        Assert.Equal((expected.Width, expected.Height), (actual.Width, actual.Height));
        var different = 0;
        for (var y = 0; y < expected.Height; y++)
        {
            for (var x = 0; x < expected.Width; x++)
            {
                var a = expected.GetPixel(x, y);
                var b = actual.GetPixel(x, y);
                if (Math.Abs(a.Red - b.Red) > 24 || Math.Abs(a.Green - b.Green) > 24 || Math.Abs(a.Blue - b.Blue) > 24)
                {
                    different++;
                }
            }
        }

        return different / (double)(expected.Width * expected.Height);
    }

    private static string PathOf(string name, string callerFile) => Path.Combine(Path.GetDirectoryName(callerFile)!, "golden", name);
}
