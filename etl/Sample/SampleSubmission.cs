namespace Analytics.Etl.Sample;

/// <summary>One submission as written into a file, with what ingest should make of it.</summary>
internal sealed class SampleSubmission(string unitCode, string period, List<SampleCell> cells, string note)
{
    public string UnitCode { get; } = unitCode;
    public string Period { get; } = period;
    public List<SampleCell> Cells { get; } = cells;
    public string Note { get; } = note;

    /// <summary>Null: ingest should accept it; otherwise the reason it must be refused.</summary>
    public InjectedError? Error { get; init; }

    /// <summary>The grassroots unit whose completeness this submission counts for (null for upper-level units).</summary>
    public SampleUnit? Counts { get; init; }
}
