namespace Analytics.Warehouse.ReferenceData;

/// <summary>
/// One row of the indicator catalog (warehouse/ReferenceData/indicators.csv). Empty <see cref="Sectors"/> or
/// <see cref="PeriodTypes"/> mean "all". A rate carries its <see cref="Numerator"/> and <see cref="Denominator"/>
/// codes: the one definition the views, the metrics API and the reports divide. A stock with
/// <see cref="CarryForwardQuarters"/> may have a missing report replaced by the unit's last one, at most
/// that many quarters old, in the carry-forward variant of the figures (never in the default one). <see cref="Code"/> is a public API for analysts: never rename one.
/// </summary>
public sealed record IndicatorDefinition(
    string Code,
    string NameVi,
    string NameEn,
    string UnitVi,
    string UnitEn,
    IndicatorKind Kind,
    IndicatorValueType ValueType,
    IndicatorReporter ReportedBy,
    IReadOnlySet<string> Sectors,
    IReadOnlySet<string> PeriodTypes,
    IReadOnlySet<string> Categories,
    string Description,
    string? Numerator = null,
    string? Denominator = null,
    int? CarryForwardQuarters = null)
{
    public bool IsFlag => ValueType == IndicatorValueType.Flag;

    /// <summary>A whole-number count (flags are counted separately by <see cref="IsFlag"/>).</summary>
    public bool IsCount => ValueType == IndicatorValueType.Count;

    public bool IsAmount => ValueType == IndicatorValueType.Amount;

    public bool IsCategory => ValueType == IndicatorValueType.Category;

    public bool IsRate => ValueType == IndicatorValueType.Rate;

    /// <summary>A rate whose unit is "%": people read it as a percentage. A rate per something (members
    /// introduced per grassroots union) reads as a plain number in its own unit.</summary>
    public bool IsPercentage => IsRate && UnitEn == "%";

    public bool IsDerived => Kind == IndicatorKind.Derived;

    /// <summary>True when a grassroots unit of <paramref name="sector"/> may report it (no sector list: any).</summary>
    public bool AllowsSector(string sector) => Sectors.Count == 0 || Sectors.Contains(sector);

    /// <summary>True when it may be reported for a period of <paramref name="periodType"/> (month, quarter, half, nine_months, year).</summary>
    public bool AllowsPeriodType(string periodType) => PeriodTypes.Count == 0 || PeriodTypes.Contains(periodType);

    /// <summary>True when <paramref name="category"/> is one of the allowed values of a category indicator.</summary>
    public bool AllowsCategory(string category) => Categories.Contains(category);
}
