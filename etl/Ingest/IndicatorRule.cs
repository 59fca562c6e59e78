using Analytics.Etl.Registry;

namespace Analytics.Etl.Ingest;

/// <summary>What ingest needs to know of an indicator, read from dim_indicator.</summary>
public sealed record IndicatorRule(
    short Id,
    string Code,
    string NameVi,
    string NameEn,
    string UnitVi,
    string Kind,
    string ValueType,
    string ReportedBy,
    IReadOnlySet<string> Sectors,
    IReadOnlySet<string> PeriodTypes,
    IReadOnlyList<string> Categories)
{
    public bool IsCategory => ValueType == "category";

    public bool IsFlag => ValueType == "flag";

    public bool IsCount => ValueType == "count";

    public bool IsDerived => Kind == "derived" || ReportedBy == "derived";

    /// <summary>The unit level that reports it: grassroots 3, upper (units whose children are grassroots) 2, province 1.</summary>
    public int? ReportingLevel => ReportedBy switch
    {
        "grassroots" => 3,
        "upper" => 2,
        "province" => 1,
        "national" => 0,
        _ => null,
    };

    public bool ReportableBy(UnitRecord unit, string periodType) =>
        !IsDerived
        && ReportingLevel == unit.Level
        && (Sectors.Count == 0 || (unit.Sector is not null && Sectors.Contains(unit.Sector)))
        && (PeriodTypes.Count == 0 || PeriodTypes.Contains(periodType));
}
