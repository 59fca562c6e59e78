using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Analytics.Etl.Ingest;

/// <summary>
/// The current values of units, as the history rules read them: the previous period's stock for
/// reconciliation (W02) and each unit's own past values of an indicator for one period type for the
/// outlier check (W03). Ingest keeps one for a whole run and applies each accepted submission to it
/// (<see cref="Remove"/> the period, then <see cref="Add"/> its values), so it stays what the
/// warehouse holds as current, batch after batch, without reading the warehouse again.
/// </summary>
/// <remarks>
/// A national quarter onto three years of history holds some 10 million values, read in no
/// particular order. Hash tables of that size cost a cache miss or three per value (3.4 s to load
/// them); here a value is appended to one array and chained to its unit's previous value through
/// an array indexed by unit id (dim_unit numbers its units densely), which stays in cache. The
/// rules ask about one unit at a time, so the first question about a unit and period type walks
/// the unit's chain once and sorts its values by indicator (<see cref="Gather"/>); the questions
/// after it are answered from that. A replaced version's values are marked dead in place.
/// <see cref="Clear"/> keeps the storage for the next run.
/// </remarks>
public sealed class UnitHistory
{
    private const int Dead = int.MinValue;

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Link
    {
        public double Value;
        public int Previous;
        public int Period;
        public int Series; // indicator << 3 | period type index
    }

    private Link[] _links = new Link[1024];
    private int _used;
    // By unit id: the unit's newest link plus one (0: the unit has none).
    private int[] _unitLast = new int[1024];

    // The gathered unit (see Gather): its live values of one period type, by indicator.
    private int _gatheredUnit = -1;
    private int _gatheredType = -1;
    private int[] _start = new int[64];
    private int[] _count = new int[64];
    private double[] _values = new double[256];
    private int[] _periods = new int[256];

    /// <summary>How many values are held (alive or replaced); for sizing and tests.</summary>
    public int Links => _used;

    /// <summary>Makes room for this many values in all, so a large load does not grow the storage step by step.</summary>
    public void EnsureCapacity(int values)
    {
        if (values > _links.Length) Array.Resize(ref _links, values);
    }

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

    /// <summary>Adds one current value (as read from the warehouse, or accepted in this run).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int unitId, short indicatorId, PeriodInfo period, double value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unitId);
        ArgumentOutOfRangeException.ThrowIfNegative(indicatorId);
        if (unitId >= _unitLast.Length) Array.Resize(ref _unitLast, Math.Max(unitId + 1, _unitLast.Length * 2));
        if (_used == _links.Length) Array.Resize(ref _links, _used * 2);
        ref var link = ref _links[_used];
        link.Value = value;
        link.Previous = _unitLast[unitId] - 1;
        link.Period = period.Id;
        link.Series = (indicatorId << 3) | TypeIndex(period.Type);
        _unitLast[unitId] = ++_used;
        if (unitId == _gatheredUnit) _gatheredUnit = -1;
    }

    /// <summary>
    /// Forgets the unit's values for the period, every indicator's: a new version of its submission
    /// replaces them (its values are then added), including those the new version leaves out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Remove(int unitId, PeriodInfo period)
    {
        if (!HasUnit(unitId)) return;
        for (var at = _unitLast[unitId] - 1; at >= 0; at = _links[at].Previous)
            if (_links[at].Period == period.Id) _links[at].Period = Dead;
        if (unitId == _gatheredUnit) _gatheredUnit = -1;
    }

    /// <summary>Whether any value of the unit is known: when not, no history rule can say anything.</summary>
    public bool HasUnit(int unitId) => (uint)unitId < (uint)_unitLast.Length && _unitLast[unitId] != 0;

    /// <summary>The unit's value of an indicator at a period; null when unknown.</summary>
    public double? ValueAt(int unitId, short indicatorId, PeriodInfo period)
    {
        if (!Gather(unitId, period.Type) || indicatorId >= _count.Length) return null;
        var start = _start[indicatorId];
        for (var k = start; k < start + _count[indicatorId]; k++)
            if (_periods[k] == period.Id) return _values[k];
        return null;
    }

    /// <summary>How many past values <see cref="Series"/> would give, without building the list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int SeriesCount(int unitId, short indicatorId, string periodType) =>
        Gather(unitId, periodType) && indicatorId < _count.Length ? _count[indicatorId] : 0;

    /// <summary>The unit's current values of an indicator for one period type, in the order they were added.</summary>
    public IReadOnlyList<double> Series(int unitId, short indicatorId, string periodType)
    {
        var values = new double[SeriesCount(unitId, indicatorId, periodType)];
        CopySeries(unitId, indicatorId, periodType, values);
        return values;
    }

    /// <summary>
    /// The series as <see cref="Series"/> gives it, without copying: valid until the history changes or
    /// is asked about another unit or period type.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ReadOnlySpan<double> SeriesView(int unitId, short indicatorId, string periodType)
    {
        var count = SeriesCount(unitId, indicatorId, periodType);
        return count == 0 ? [] : _values.AsSpan(_start[indicatorId], count);
    }

    /// <summary>Copies the series into <paramref name="target"/> (at least <see cref="SeriesCount"/> long); returns how many.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int CopySeries(int unitId, short indicatorId, string periodType, Span<double> target)
    {
        var count = SeriesCount(unitId, indicatorId, periodType);
        if (count == 0) return 0;
        _values.AsSpan(_start[indicatorId], count).CopyTo(target);
        return count;
    }

    /// <summary>
    /// Sorts the unit's live values of one period type by indicator into the gathered arrays, oldest
    /// first within an indicator, unless they are there already. False when the unit has no values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Gather(int unitId, string periodType)
    {
        if (!HasUnit(unitId)) return false;
        var type = TypeIndex(periodType);
        if (unitId == _gatheredUnit && type == _gatheredType) return true;

        // Count by indicator, then place each value at its indicator's end, walking newest first.
        Array.Clear(_count);
        var total = 0;
        for (var at = _unitLast[unitId] - 1; at >= 0; at = _links[at].Previous)
        {
            ref readonly var link = ref _links[at];
            if (link.Period == Dead || (link.Series & 7) != type) continue;
            var indicator = link.Series >> 3;
            if (indicator >= _count.Length)
            {
                Array.Resize(ref _count, indicator * 2);
                Array.Resize(ref _start, indicator * 2);
            }
            _count[indicator]++;
            total++;
        }
        if (total > _values.Length)
        {
            _values = new double[total * 2];
            _periods = new int[total * 2];
        }
        var end = 0;
        for (var i = 0; i < _count.Length; i++)
        {
            end += _count[i];
            _start[i] = end; // moved back to the start as values are placed
        }
        for (var at = _unitLast[unitId] - 1; at >= 0; at = _links[at].Previous)
        {
            ref readonly var link = ref _links[at];
            if (link.Period == Dead || (link.Series & 7) != type) continue;
            var k = --_start[link.Series >> 3];
            _values[k] = link.Value;
            _periods[k] = link.Period;
        }
        _gatheredUnit = unitId;
        _gatheredType = type;
        return true;
    }

    /// <summary>Forgets every value but keeps the storage.</summary>
    public void Clear()
    {
        Array.Clear(_unitLast);
        _used = 0;
        _gatheredUnit = -1;
    }
}
