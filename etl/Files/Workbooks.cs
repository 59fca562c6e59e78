using OfficeOpenXml;

namespace Analytics.Etl.Files;

/// <summary>
/// Opens workbooks for reading. EPPlus 4 ends every <see cref="ExcelPackage.Dispose"/> with
/// <c>GC.Collect()</c>, a full blocking collection per workbook; during an ingest, whose heap
/// holds the registry and a few batches of drafts, that was most of the time workbooks cost
/// (one national quarter: 25 workbooks, 51 full collections, 16 s paused). So a package read
/// here is opened over the file's bytes in memory and never disposed: it holds nothing but
/// managed memory, which the collector takes back in its own time.
/// </summary>
public static class Workbooks
{
    /// <summary>A package over a copy of the file's bytes; do not dispose it (see the type's remarks).</summary>
    public static ExcelPackage Open(string path) => Open(File.ReadAllBytes(path));

    /// <inheritdoc cref="Open(string)"/>
    public static ExcelPackage Open(byte[] bytes) => new(new MemoryStream(bytes, writable: false));
}
