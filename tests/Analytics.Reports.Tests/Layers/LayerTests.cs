namespace Analytics.Reports.Tests.Layers;

/// <summary>Arrows point down only: reports stands on the warehouse, never on the ingest (../shared/ARCHITECTURE.md).</summary>
public sealed class LayerTests
{
    [Fact]
    public void ReportsReferenceTheWarehouseAndNotTheIngest()
    {
        var references = typeof(ReportLoader).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.Contains("Analytics.Warehouse", references);
        Assert.DoesNotContain("Analytics.Etl", references);
    }
}
