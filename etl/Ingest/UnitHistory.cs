using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Analytics.Etl.Ingest;

/// <summary>
/// Current values already in the warehouse for the units of one batch (and those accepted earlier
/// in it): the previous period's stock for reconciliation and each unit's own past values for the
/// outlier check. A batch adds about one entry per value it loads (a national quarter onto three
/// years of history: some 12 million), so a series' key is a packed integer, point values are kept for
/// the few indicators asked for at a period, each series is a chain
/// through two shared arrays instead of a list of its own, and <see cref="Clear"/> keeps the
/// storage for the next batch.
/// </summary>
public sealed class UnitHistory
{
    // (unit, indicator, period) → value; (unit, indicator, period type) → the series' last link and length.
    private readonly Dictionary<(int Unit, short Indicator, int Period), double> _values = [];
    private readonly Dictionary<long, (int Last, int Count)> _series = [];
    private double[] _chainValues = new double[1024];
    private int[] _chainPrevious = new int[1024];
    private int _used;
    private readonly HashSet<int> _units = [];
    private int _lastUnit = -1;
    private readonly bool[] _pointIndicators;

    /// <param name="pointIndicators">
    /// The indicators whose value at a given period <see cref="ValueAt"/> is asked for (reconciliation
    /// asks for members only); the others are kept as series only, which halves the work per value.
    /// </param>
    public UnitHistory(IEnumerable<short> pointIndicators)
    {
        var ids = pointIndicators.ToList();
        _pointIndicators = new bool[ids.Count == 0 ? 0 : ids.Max() + 1];
        foreach (var id in ids) if (id >= 0) _pointIndicators[id] = true;
    }

    private static long SeriesKey(int unitId, short indicatorId, string periodType) =>
        ((long)unitId << 32) | ((long)(ushort)indicatorId << 8) | (uint)TypeIndex(periodType);

    // The period types dim_period allows (its CHECK constraint).
    private static int TypeIndex(string periodType) => periodType switch
    {
        "month" => 0,
        "quarter" => 1,
        "half" => 2,
        "nine_months" => 3,
        "year" => 4,
        "term" => 5,
        _ => throw new ArgumentOutOfRangeException(nameof(periodType), periodType, "not a period type of dim_period"),
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int unitId, short indicatorId, PeriodInfo period, double value)
    {
        if ((uint)indicatorId < (uint)_pointIndicators.Length && _pointIndicators[indicatorId])
            _values[(unitId, indicatorId, period.Id)] = value;
        if (unitId != _lastUnit)
        {
            _units.Add(unitId);
            _lastUnit = unitId;
        }
        ref var series = ref CollectionsMarshal.GetValueRefOrAddDefault(_series, SeriesKey(unitId, indicatorId, period.Type), out var exists);
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

    /// <summary>The value of one of the point indicators (see the constructor) at a period; null when unknown.</summary>
    public double? ValueAt(int unitId, short indicatorId, int periodId) =>
        _values.TryGetValue((unitId, indicatorId, periodId), out var v) ? v : null;

    /// <summary>How many past values <see cref="Series"/> would give, without building the list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int SeriesCount(int unitId, short indicatorId, string periodType) =>
        _series.TryGetValue(SeriesKey(unitId, indicatorId, periodType), out var s) ? s.Count : 0;

    /// <summary>The unit's past values of an indicator for one period type, in the order they were added.</summary>
    public IReadOnlyList<double> Series(int unitId, short indicatorId, string periodType)
    {
        var values = new double[SeriesCount(unitId, indicatorId, periodType)];
        CopySeries(unitId, indicatorId, periodType, values);
        return values;
    }

    /// <summary>Copies the series into <paramref name="target"/> (at least <see cref="SeriesCount"/> long); returns how many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int CopySeries(int unitId, short indicatorId, string periodType, Span<double> target)
    {
        if (!_series.TryGetValue(SeriesKey(unitId, indicatorId, periodType), out var s)) return 0;
        for (int k = s.Count - 1, at = s.Last; k >= 0; k--, at = _chainPrevious[at]) target[k] = _chainValues[at];
        return s.Count;
    }

    /// <summary>Forgets every value but keeps the storage.</summary>
    public void Clear()
    {
        _values.Clear();
        _series.Clear();
        _units.Clear();
        _lastUnit = -1;
        _used = 0;
    }
}
