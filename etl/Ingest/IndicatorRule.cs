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

    /// <summary>The unit level that reports it: grassroots 3, province 1, national 0; null for "upper", which is not a level.</summary>
    // Computed once: ingest asks for every value it checks.
    public int? ReportingLevel { get; } = ReportedBy switch
    {
        "grassroots" => 3,
        "province" => 1,
        "national" => 0,
        _ => null,
    };

    /// <summary>
    /// Whether <paramref name="unit"/> reports this indicator for a period of <paramref name="periodType"/>.
    /// "upper" indicators are reported by the units whose children are grassroots unions — usually
    /// district unions, but a province too once the 2025 reorganisation moved grassroots unions under it.
    /// </summary>
    public bool ReportableBy(UnitRecord unit, string periodType, bool hasGrassrootsChildren) =>
        !IsDerived
        && (ReportedBy == "upper" ? unit.Level < 3 && hasGrassrootsChildren : ReportingLevel == unit.Level)
        && (Sectors.Count == 0 || (unit.Sector is not null && Sectors.Contains(unit.Sector)))
        && (PeriodTypes.Count == 0 || PeriodTypes.Contains(periodType));
}
