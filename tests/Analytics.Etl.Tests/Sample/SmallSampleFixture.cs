using Analytics.Etl.Sample;

namespace Analytics.Etl.Tests.Sample;

/// <summary>One small sample generated into a temporary folder, shared by the read-only tests of a class.</summary>
public sealed class SmallSampleFixture : IDisposable
{
    public static readonly DateOnly AsOf = new(2026, 11, 21);

    public SmallSampleFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "analytics-sample-" + Guid.NewGuid().ToString("N"));
        Summary = SampleGenerator.Generate(new SampleOptions(SampleScale.Small, Directory, AsOf));
    }

    public string Directory { get; }
    public SampleSummary Summary { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
