using System.Buffers.Binary;
using Xunit;

namespace Analytics.Reports.Tests.Charts;

/// <summary>Reads the pixel size from a PNG's IHDR chunk, checking the signature on the way.</summary>
internal static class PngHeader
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) Size(byte[] png)
    {
        Assert.True(png.Length > 33, "PNG too short");
        Assert.Equal(Signature, png[..8]);
        // The first chunk must be IHDR: 4-byte length, "IHDR", then width and height big-endian.
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
    }
}
