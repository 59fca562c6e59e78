using Analytics.Warehouse.Vocabulary;
namespace Analytics.Warehouse.Figures;

/// <summary>
/// One figure: <see cref="Value"/> of <see cref="Indicator"/> over the subtree of <see cref="UnitCode"/>
/// for <see cref="PeriodCode"/>. For a rate, Value = Numerator / Denominator (sums over the units in
/// scope, never a mean of unit rates); for a count, Numerator = Value and Denominator is null.
/// Value is null when nothing was reported (or the denominator is 0).
/// </summary>
public sealed record MetricValue(
    string Indicator,
    string UnitCode,
    string PeriodCode,
    Hierarchy Hierarchy,
    double? Value,
    double? Numerator,
    double? Denominator);
