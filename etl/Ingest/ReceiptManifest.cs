using System.Globalization;
using Analytics.Etl.Files;

namespace Analytics.Etl.Ingest;

/// <summary>
/// A manifest of receipt times (`file,received_at`, paths relative to the manifest), as the sample
/// generator writes it, so back-loaded files get realistic timeliness.
/// </summary>
public static class ReceiptManifest
{
    /// <summary>Receipt times keyed by each file's full path: file names repeat across period folders, so a bare name is not a key.</summary>
    public static Dictionary<string, DateTime> Read(string path)
    {
        var map = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        if (!File.Exists(path)) return map;
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        foreach (var row in TabularFile.ReadCsv(path).Rows)
        {
            if (DateTime.TryParse(row["received_at"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
                map[Path.GetFullPath(Path.Combine(folder, row["file"]))] = t;
        }
        return map;
    }
}
