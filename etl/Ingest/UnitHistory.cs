namespace Analytics.Etl.Ingest;

/// <summary>
/// Current values already in the warehouse for the units of one file: the previous period's stock
/// for reconciliation and each unit's own past values for the outlier check.
/// </summary>
public sealed class UnitHistory
{
    private readonly Dictionary<(int Unit, short Indicator, int Period), double> _values = [];
    private readonly Dictionary<(int Unit, short Indicator, string PeriodType), List<double>> _series = [];

    public void Add(int unitId, short indicatorId, PeriodInfo period, double value)
    {
        _values[(unitId, indicatorId, period.Id)] = value;
        var key = (unitId, indicatorId, period.Type);
        if (!_series.TryGetValue(key, out var list)) _series[key] = list = [];
        list.Add(value);
    }

    public double? ValueAt(int unitId, short indicatorId, int periodId) =>
        _values.TryGetValue((unitId, indicatorId, periodId), out var v) ? v : null;

    /// <summary>The unit's past values of an indicator for one period type (excluding the period being checked).</summary>
    public IReadOnlyList<double> Series(int unitId, short indicatorId, string periodType) =>
        _series.TryGetValue((unitId, indicatorId, periodType), out var list) ? list : [];
}
