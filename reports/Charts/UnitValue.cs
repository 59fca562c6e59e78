namespace Analytics.Reports.Charts;

/// <summary>A unit's value in a ranking; Target overrides the chart's common target for this unit.</summary>
public sealed record UnitValue(string Unit, double Value, double? Target = null);
