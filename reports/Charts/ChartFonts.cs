using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using ScottPlot;
using SkiaSharp;

namespace Analytics.Reports.Charts;

/// <summary>
/// The one font every chart is drawn with: Inter (SIL Open Font License 1.1), regular and bold, read
/// from fonts/Avalonia.Fonts.Inter.dll beside the product (the build copies it from the
/// Avalonia.Fonts.Inter package). It covers Vietnamese, "≥", "≤" and "→"; ScottPlot draws nothing for a
/// font it cannot find and a box for a glyph the font lacks, so no font is ever taken from the machine.
/// </summary>
public static class ChartFonts
{
    /// <summary>The family name written into SVG text elements.</summary>
    public const string Family = "Inter";

    /// <summary>Where the font package's DLL is expected, relative to the application's folder.</summary>
    public const string PackageFile = "fonts/Avalonia.Fonts.Inter.dll";

    private static readonly Lazy<Dictionary<string, byte[]>> Files = new(
        () => ReadAvaloniaResources(PackagePath()), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<(SKTypeface Regular, SKTypeface Bold)> Faces = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Inter Regular.</summary>
    public static SKTypeface Regular => Faces.Value.Regular;

    /// <summary>Inter Bold.</summary>
    public static SKTypeface Bold => Faces.Value.Bold;

    /// <summary>
    /// Registers Inter with ScottPlot (once per process) and makes it the default family, so a label
    /// whose font was not set is drawn with Inter too.
    /// </summary>
    public static void EnsureRegistered() => _ = Faces.Value;

    /// <summary>True when Inter has a glyph for every character of <paramref name="text"/> (line breaks aside).</summary>
    public static bool Covers(string text, bool bold = false) =>
        (bold ? Bold : Regular).ContainsGlyphs(text.Replace("\n", "", StringComparison.Ordinal));

    /// <summary>
    /// The font file itself (TrueType), for a web page that shows the charts' SVG inline and must
    /// give the browser the same font.
    /// </summary>
    public static ReadOnlyMemory<byte> FontFile(bool bold) => Bytes(bold ? BoldFile : RegularFile);

    private const string RegularFile = "/Assets/Inter-Regular.ttf";
    private const string BoldFile = "/Assets/Inter-Bold.ttf";

    private static string PackagePath()
    {
        var path = Path.Combine(AppContext.BaseDirectory, PackageFile);
        return File.Exists(path)
            ? path
            : throw new ChartRenderException($"The chart font is missing: {path} (copied there by the reports build).");
    }

    private static byte[] Bytes(string name) => Files.Value.TryGetValue(name, out var bytes)
        ? bytes
        : throw new ChartRenderException($"{PackagePath()} holds no {name}.");

    private static (SKTypeface Regular, SKTypeface Bold) Load()
    {
        var regular = Typeface(RegularFile);
        var bold = Typeface(BoldFile);
        Fonts.FontResolvers.Insert(0, new Resolver(regular, bold));
        Fonts.Default = Family;
        Fonts.Sans = Family;
        return (regular, bold);
    }

    private static SKTypeface Typeface(string name) =>
        SKTypeface.FromData(SKData.CreateCopy(Bytes(name)))
            ?? throw new ChartRenderException($"{name} in {PackageFile} is not a font Skia can read.");

    // Avalonia keeps an assembly's assets in one manifest resource, "!AvaloniaResources": an int32 index
    // length, the index (int32 format version 2, int32 count, then per file a length-prefixed path,
    // int32 offset and int32 size), then the files' bytes, offsets counted from the end of the index.
    // The DLL is read as a file (System.Reflection.Metadata), never loaded, so no Avalonia code runs.
    internal static Dictionary<string, byte[]> ReadAvaloniaResources(string dll)
    {
        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var directory = pe.PEHeaders.CorHeader?.ResourcesDirectory
            ?? throw new ChartRenderException($"{dll} is not a .NET assembly.");
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (metadata.GetString(resource.Name) != "!AvaloniaResources" || !resource.Implementation.IsNil)
            {
                continue;
            }

            var section = pe.GetSectionData(directory.RelativeVirtualAddress);
            var reader = section.GetReader((int)resource.Offset, section.Length - (int)resource.Offset);
            var blob = reader.ReadBytes(reader.ReadInt32());
            using var index = new BinaryReader(new MemoryStream(blob));
            var indexLength = index.ReadInt32();
            var version = index.ReadInt32();
            if (version != 2)
            {
                throw new ChartRenderException($"{dll}: unknown Avalonia resource index version {version}.");
            }

            var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            for (var count = index.ReadInt32(); count > 0; count--)
            {
                var name = index.ReadString();
                var offset = index.ReadInt32();
                var size = index.ReadInt32();
                var start = sizeof(int) + indexLength + offset;
                if (offset < 0 || size < 0 || start + size > blob.Length)
                {
                    throw new ChartRenderException($"{dll}: resource {name} lies outside the resource block.");
                }

                files[name] = blob.AsSpan(start, size).ToArray();
            }

            return files;
        }

        throw new ChartRenderException($"{dll} holds no Avalonia resources.");
    }

    // Answers for Inter only; any other name falls through to ScottPlot's own resolvers, which no
    // chart asks for.
    private sealed class Resolver(SKTypeface regular, SKTypeface bold) : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            fontName == Family ? (weight >= FontWeight.SemiBold ? bold : regular) : null;

        public SKTypeface? CreateTypeface(string fontName, bool isBold, bool italic) =>
            fontName == Family ? (isBold ? bold : regular) : null;
    }
}
