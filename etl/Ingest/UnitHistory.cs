using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Analytics.Etl.Ingest;

/// <summary>
/// Current values already in the warehouse for the units of one batch (and those accepted earlier
/// in it): the previous period's stock for reconciliation and each unit's own past values for the
/// outlier check. A batch adds about one entry per value it loads, so each series is a chain
/// through two shared arrays instead of a list of its own, and <see cref="Clear"/> keeps the
/// storage for the next batch.
/// </summary>
public sealed class UnitHistory
{
    private readonly Dictionary<(int Unit, short Indicator, int Period), double> _values = [];
    private readonly Dictionary<(int Unit, short Indicator, string PeriodType), (int Last, int Count)> _series = [];
    private double[] _chainValues = new double[1024];
    private int[] _chainPrevious = new int[1024];
    private int _used;
    private readonly HashSet<int> _units = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int unitId, short indicatorId, PeriodInfo period, double value)
    {
        _values[(unitId, indicatorId, period.Id)] = value;
        _units.Add(unitId);
        ref var series = ref CollectionsMarshal.GetValueRefOrAddDefault(_series, (unitId, indicatorId, period.Type), out var exists);
        if (!exists) series = (-1, 0);
        if (_used == _chainValues.Length)
        {
            Array.Resize(ref _chainValues, _used * 2);
            Array.Resize(ref _chainPrevious, _used * 2);
        }
        _chainValues[_used] = value;
        _chainPrevious[_used] = series.Last;
        series = (_used, series.Count + 1);
        _used++;
    }

    /// <summary>Whether any value of the unit is known: when not, no history rule can say anything.</summary>
    public bool HasUnit(int unitId) => _units.Contains(unitId);

    public double? ValueAt(int unitId, short indicatorId, int periodId) =>
        _values.TryGetValue((unitId, indicatorId, periodId), out var v) ? v : null;

    /// <summary>How many past values <see cref="Series"/> would give, without building the list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int SeriesCount(int unitId, short indicatorId, string periodType) =>
        _series.TryGetValue((unitId, indicatorId, periodType), out var s) ? s.Count : 0;

    /// <summary>The unit's past values of an indicator for one period type, in the order they were added.</summary>
    public IReadOnlyList<double> Series(int unitId, short indicatorId, string periodType)
    {
        if (!_series.TryGetValue((unitId, indicatorId, periodType), out var s)) return [];
        var values = new double[s.Count];
        for (int k = s.Count - 1, at = s.Last; k >= 0; k--, at = _chainPrevious[at]) values[k] = _chainValues[at];
        return values;
    }

    /// <summary>Forgets every value but keeps the storage.</summary>
    public void Clear()
    {
        _values.Clear();
        _series.Clear();
        _units.Clear();
        _used = 0;
    }
}
