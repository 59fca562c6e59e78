namespace Analytics.Reports.Data;

/// <summary>What every report names on its cover: the unit it is about, the period, when it was made and from which data.</summary>
public sealed record ReportHeader(
    string UnitCode,
    string UnitName,
    string PeriodCode,
    string PeriodLabel,
    DateTimeOffset GeneratedAt,
    ReportProvenance Provenance,
    bool English);
