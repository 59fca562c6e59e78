namespace Analytics.Warehouse.Figures;

/// <summary>
/// One year of a trend: the figure and its change from the previous year of the same trend
/// (<see cref="Change"/> in the indicator's unit, percentage points as a fraction for rates;
/// <see cref="ChangeRatio"/> = value / previous − 1). Null when either year has no value.
/// </summary>
public sealed record TrendPoint(int Year, MetricValue Value, double? Change, double? ChangeRatio);
