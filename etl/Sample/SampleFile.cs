namespace Analytics.Etl.Sample;

/// <summary>A file to write: its path under submissions/, its format, its simulated receipt time and its submissions.</summary>
internal sealed class SampleFile(string relativePath, DateTimeOffset receivedAt, SenderStyle style)
{
    public string RelativePath { get; } = relativePath;
    public DateTimeOffset ReceivedAt { get; } = receivedAt;
    public SenderStyle Style { get; } = style;
    public List<SampleSubmission> Submissions { get; } = [];

    public string Extension => Path.GetExtension(RelativePath).TrimStart('.');
}
