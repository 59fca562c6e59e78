namespace Analytics.Etl.Ingest;

/// <summary>
/// One value as sent: raw texts and where they were in the file. A struct, kept in its draft's
/// list: a national quarter reads a million of them, and as objects they were a third of what
/// the collector had to trace while the batches waited to be written. What only workbooks and
/// JSON carry (cells, typed numbers) sits in a small object of its own, so a CSV value is the
/// indicator, the value text, the row and the note.
/// </summary>
public readonly struct DraftValue
{
    private sealed record Extra(string? Cell, string? ValueCell, decimal? TypedNumber);

    private readonly Extra? _extra;

    public DraftValue(string indicatorText, string valueText, int? row, string? cell, string? note)
    {
        IndicatorText = indicatorText;
        ValueText = valueText;
        Row = row;
        Note = note;
        if (cell is not null) _extra = new Extra(cell, null, null);
    }

    public string IndicatorText { get; }

    public string ValueText { get; }

    /// <summary>The line (CSV) or sheet row the value was on; null for JSON.</summary>
    public int? Row { get; }

    /// <summary>Where the value was read from besides its row (a workbook's A1 reference, JSON's values.members); null for CSV.</summary>
    public string? Cell => _extra?.Cell;

    public string? Note { get; }

    /// <summary>The cell holding the value (template and xlsx); null for CSV and JSON.</summary>
    public string? ValueCell
    {
        get => _extra?.ValueCell;
        init => _extra = value is null && _extra is null ? null : (_extra ?? new Extra(null, null, null)) with { ValueCell = value };
    }

    /// <summary>
    /// The value when the source typed it as a number (a numeric worksheet cell, a JSON number):
    /// used as is, never re-read as Vietnamese-typed text where "1.520" means 1520.
    /// </summary>
    public decimal? TypedNumber
    {
        get => _extra?.TypedNumber;
        init => _extra = value is null && _extra is null ? null : (_extra ?? new Extra(null, null, null)) with { TypedNumber = value };
    }
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
