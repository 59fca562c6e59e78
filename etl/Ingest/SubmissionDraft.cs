namespace Analytics.Etl.Ingest;

/// <summary>One value as sent: raw texts and where they were in the file.</summary>
public sealed record DraftValue(string IndicatorText, string ValueText, int? Row, string? Cell, string? Note)
{
    /// <summary>The cell holding the value (template and xlsx); null for CSV and JSON.</summary>
    public string? ValueCell { get; init; }

    /// <summary>
    /// The value when the source typed it as a number (a numeric worksheet cell, a JSON number):
    /// used as is, never re-read as Vietnamese-typed text where "1.520" means 1520.
    /// </summary>
    public decimal? TypedNumber { get; init; }
}

/// <summary>
/// One unit's values for one period as read from a file, before validation: nothing is trusted yet.
/// </summary>
public sealed class SubmissionDraft
{
    public required string SourceFile { get; init; }

    public string? Sheet { get; init; }

    /// <summary>csv, xlsx, template or json.</summary>
    public required string Format { get; init; }

    public required string UnitText { get; init; }

    public required string PeriodText { get; init; }

    /// <summary>Where the unit and period are written (template cells), for messages and feedback.</summary>
    public string? UnitCell { get; init; }

    public string? PeriodCell { get; init; }

    /// <summary>The first row of this submission in the file.</summary>
    public int? FirstRow { get; init; }

    // Sized for a grassroots union's quarter (7 to 10 indicators) so the list is not regrown per submission.
    public List<DraftValue> Values { get; } = new(12);
}
