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

    public bool IsDerived { get; } = Kind == "derived" || ReportedBy == "derived";

    /// <summary>Reported by the units whose children are grassroots unions.</summary>
    public bool IsUpper { get; } = ReportedBy == "upper";

    // The sets as arrays, computed once: ingest asks for every value it checks, and a scan of
    // two or three short strings is cheaper than hashing through the set's interface.
    private readonly string[] _sectors = [.. Sectors];
    private readonly string[] _periodTypes = [.. PeriodTypes];

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
        && (IsUpper ? unit.Level < 3 && hasGrassrootsChildren : ReportingLevel == unit.Level)
        && (_sectors.Length == 0 || (unit.Sector is not null && Contains(_sectors, unit.Sector)))
        && (_periodTypes.Length == 0 || Contains(_periodTypes, periodType));

    private static bool Contains(string[] set, string text)
    {
        foreach (var s in set)
            if (string.Equals(s, text, StringComparison.Ordinal)) return true;
        return false;
    }
}
