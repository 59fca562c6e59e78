using Analytics.Warehouse.Vocabulary;

namespace Analytics.Warehouse.Figures;

/// <summary>
/// A stock's total for a unit's subtree and period under both stock rules. <see cref="Reported"/> is
/// the default figure (what <see cref="Metrics.Get"/> gives: units that did not report count nothing);
/// <see cref="Value"/> adds the carry-forward stand-ins (<see cref="Carried"/>, from
/// <see cref="CarriedUnits"/> units). <see cref="ActiveGrassroots"/> is the number of grassroots unions
/// active at the period's end in the subtree, so <see cref="ReportingShare"/> says how much of the
/// total stands on reports of the period. <see cref="CarryForwardQuarters"/> is the indicator's bound: how old a
/// report carried forward may be.
/// </summary>
public sealed record CarriedFigure(
    string Indicator,
    string UnitCode,
    string PeriodCode,
    Hierarchy Hierarchy,
    double? Reported,
    double? Carried,
    int ReportingUnits,
    int CarriedUnits,
    int ActiveGrassroots,
    int CarryForwardQuarters)
{
    /// <summary>The total with the stand-ins; null when neither reports nor stand-ins exist.</summary>
    public double? Value => Reported is null && Carried is null ? null : (Reported ?? 0) + (Carried ?? 0);

    /// <summary>Reporting units over the grassroots unions active at the period's end; null when there are none.</summary>
    public double? ReportingShare => ActiveGrassroots > 0 ? (double)ReportingUnits / ActiveGrassroots : null;

    /// <summary>Whether the default total leaves out units that did not report, or the variant leans on stand-ins.</summary>
    public bool Incomplete => CarriedUnits > 0 || (ActiveGrassroots > 0 && ReportingUnits < ActiveGrassroots);
}
