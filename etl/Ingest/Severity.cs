namespace Analytics.Etl.Ingest;

public enum Severity
{
    /// <summary>The submission is refused.</summary>
    Error,

    /// <summary>The submission is accepted; the unit is told.</summary>
    Warning,
}
