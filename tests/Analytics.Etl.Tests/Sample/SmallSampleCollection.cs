using Xunit;

namespace Analytics.Etl.Tests.Sample;

/// <summary>The read-only sample tests share one generated small sample (it takes seconds to write).</summary>
[CollectionDefinition(Name)]
public sealed class SmallSampleCollection : ICollectionFixture<SmallSampleFixture>
{
    public const string Name = "small sample";
}
