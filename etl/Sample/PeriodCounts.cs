namespace Analytics.Etl.Sample;

/// <summary>Completeness of one period over grassroots units: expected (active on its last day), received, late.</summary>
internal sealed class PeriodCounts(string code)
{
    public string Code { get; } = code;
    public long Expected { get; set; }
    public long Received { get; set; }
    public long Late { get; set; }
}
