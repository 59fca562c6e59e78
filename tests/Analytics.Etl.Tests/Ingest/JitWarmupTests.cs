using Analytics.Etl.Ingest;

namespace Analytics.Etl.Tests.Ingest;

public sealed class JitWarmupTests
{
    [Fact]
    public void ThePerValueMethodsOfIngestAreCompiledAhead()
    {
        var prepared = JitWarmup.Prepare().Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToList();
        // The reading threads' and the loading thread's hot paths, which ReadyToRun leaves to the JIT.
        Assert.Contains("LongCsvReader.Tokenise", prepared);
        Assert.Contains("SubmissionValidator.CheckValues", prepared);
        Assert.Contains("Ingestor.Write", prepared);
        Assert.Contains("FactWriter.Add", prepared);
        Assert.DoesNotContain("Ingestor.Expand", prepared);
    }
}
