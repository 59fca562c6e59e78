namespace Analytics.Reports.Data;

/// <summary>
/// What every report names on its cover: the unit it is about, the period, when it was made and from
/// which data. <see cref="StockNotes"/> are sentences about stock totals that leave out units that did
/// not report (with the share behind the total and the carry-forward figure), one cover line each.
/// </summary>
public sealed record ReportHeader(
    string UnitCode,
    string UnitName,
    string PeriodCode,
    string PeriodLabel,
    DateTimeOffset GeneratedAt,
    ReportProvenance Provenance,
    bool English,
    IReadOnlyList<string>? StockNotes = null);
