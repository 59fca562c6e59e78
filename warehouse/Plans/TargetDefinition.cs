namespace Analytics.Warehouse.Plans;

/// <summary>
/// One target (chỉ tiêu) of a plan. The figure is <see cref="Indicator"/> or the ratio of the sums of
/// <see cref="Numerator"/> and <see cref="Denominator"/> over the scope's units that pass
/// <see cref="Sectors"/> and <see cref="MinWorkers"/>. Shares are fractions (0.75 is 75%).
/// <see cref="ShortVi"/> and <see cref="ShortEn"/> are hand-written names of at most
/// <see cref="PlanCatalog.MaxShortNameLength"/> characters, for charts; <see cref="TextVi"/> and
/// <see cref="TextEn"/> are the target as the document words it.
/// </summary>
public sealed record TargetDefinition(
    string Id,
    string PlanId,
    int Seq,
    string Group,
    string TextVi,
    string TextEn,
    string ShortVi,
    string ShortEn,
    TargetShape Shape,
    TargetMeasure Measure,
    string? Indicator,
    string? Numerator,
    string? Denominator,
    TargetComparison Comparison,
    double? Value,
    double? Min,
    double? Max,
    TargetBasis Basis,
    int FromYear,
    int ToYear,
    DateOnly? Due,
    IReadOnlyList<string> Sectors,
    int? MinWorkers,
    string ScopeUnitCode,
    bool Measured,
    string? NotMeasuredReason,
    string? Note,
    string? NotMeasuredReasonVi = null)
{
    /// <summary>True when the figure is numerator / denominator rather than one indicator.</summary>
    public bool IsRatio => Numerator is not null;

    /// <summary>Every catalog code the target refers to (indicator, numerator, denominator).</summary>
    public IEnumerable<string> IndicatorCodes =>
        new[] { Indicator, Numerator, Denominator }.OfType<string>();

    /// <summary>The comparison as written in plan files and dim_target ("&gt;=", "between", …).</summary>
    public string ComparisonSymbol => PlanCatalog.Symbol(Comparison);

    /// <summary>Whether <paramref name="actual"/> meets the target. Ranges include both ends.</summary>
    public bool IsMetBy(double actual) => Comparison switch
    {
        TargetComparison.AtLeast => actual >= Value,
        TargetComparison.MoreThan => actual > Value,
        TargetComparison.AtMost => actual <= Value,
        TargetComparison.LessThan => actual < Value,
        TargetComparison.Equal => actual == Value,
        TargetComparison.Between => actual >= Min && actual <= Max,
        _ => throw new InvalidOperationException($"Unknown comparison {Comparison}."),
    };
}
