using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Analytics.Etl.Ingest;

/// <summary>
/// The current values of units, as the history rules read them: the previous period's stock for
/// reconciliation (W02) and each unit's own past values of an indicator for one period type for the
/// outlier check (W03). Ingest keeps one for a whole run and applies each accepted submission to it
/// (<see cref="Remove"/> the period, then <see cref="Add(int, short, PeriodInfo, double)"/> its values), so it stays what the
/// warehouse holds as current, batch after batch, without reading the warehouse again.
/// </summary>
/// <remarks>
/// A national quarter onto three years of history holds some 10 million values, read in no
/// particular order. Hash tables of that size cost a cache miss or three per value (3.4 s to load
/// them); here a value is appended to one array and chained to the previous value of its unit and
/// period type through an array indexed by unit id (dim_unit numbers its units densely: 8 integers
/// per unit). The rules ask about one unit at a time, so the first question about a unit and period
/// type walks that chain once and sorts its values by indicator (<see cref="Gather"/>); the
/// questions after it are answered from that. A replaced version's values are marked dead in place.
/// <see cref="Clear"/> keeps the storage for a fresh read (after a batch that did not commit).
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
        public int Indicator;
    }

    private Link[] _links = new Link[1024];
    private int _used;
    // By unit id × 8 + period type index: the newest link of the unit's values of that type, plus one
    // (0: none). A chain per type, so the rules walk only the values of the period type they compare.
    private int[] _chainLast = new int[1024 * 8];

    // The gathered unit (see Gather): its live values of one period type, by indicator.
    private int _gatheredUnit = -1;
    private int _gatheredType = -1;
    private int _gatheredTotal;
    private int[] _start = new int[64];
    private int[] _count = new int[64];
    private double[] _values = new double[256];
    private int[] _periods = new int[256];

    /// <summary>Makes room for this many values in all, so a large load does not grow the storage step by step.</summary>
    public void EnsureCapacity(int values)
    {
        if (values <= _links.Length) return;
        // Every link is written before it is read, so the new array need not be zeroed.
        var links = GC.AllocateUninitializedArray<Link>(values);
        _links.AsSpan(0, _used).CopyTo(links);
        _links = links;
    }

    /// <summary>The index of a period type (one of those dim_period allows, by its CHECK constraint) that <see cref="Add(int, short, int, int, double)"/> takes.</summary>
    internal static int TypeIndex(string periodType) => periodType switch
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
    public void Add(int unitId, short indicatorId, PeriodInfo period, double value) =>
        Add(unitId, indicatorId, period.Id, TypeIndex(period.Type), value);

    /// <summary>Adds one current value, the period given by its id and <see cref="TypeIndex"/> (the warehouse load's way).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Add(int unitId, short indicatorId, int periodId, int typeIndex, double value)
    {
        if (unitId < 0 || indicatorId < 0) throw new ArgumentOutOfRangeException(nameof(unitId), "unit and indicator ids are never negative");
        var chain = (unitId << 3) | typeIndex;
        if (chain >= _chainLast.Length) Array.Resize(ref _chainLast, Math.Max(chain + 8, _chainLast.Length * 2));
        // By half again, not double: a back-load holds some 25 million values, and while growing the
        // storage exists twice.
        if (_used == _links.Length) EnsureCapacity(_used + _used / 2);
        ref var link = ref _links[_used];
        link.Value = value;
        link.Previous = _chainLast[chain] - 1;
        link.Period = periodId;
        link.Indicator = indicatorId;
        _chainLast[chain] = ++_used;
        if (unitId == _gatheredUnit) _gatheredUnit = -1;
    }

    /// <summary>
    /// Forgets the unit's values for the period, every indicator's: a new version of its submission
    /// replaces them (its values are then added), including those the new version leaves out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Remove(int unitId, PeriodInfo period)
    {
        // Usually the unit's values of this type were just gathered for its checks, and have none
        // of this period (it is a new one): then there is nothing to walk.
        var type = TypeIndex(period.Type);
        if (!Gather(unitId, type) || !_periods.AsSpan(0, _gatheredTotal).Contains(period.Id)) return;
        for (var at = _chainLast[(unitId << 3) | type] - 1; at >= 0; at = _links[at].Previous)
            if (_links[at].Period == period.Id) _links[at].Period = Dead;
        _gatheredUnit = -1;
    }

    /// <summary>Whether any value of the unit is known: when not, no history rule can say anything.</summary>
    public bool HasUnit(int unitId) =>
        unitId >= 0 && (unitId << 3) + 8 <= _chainLast.Length && _chainLast.AsSpan(unitId << 3, 8).IndexOfAnyExcept(0) >= 0;

    /// <summary>The unit's value of an indicator at a period; null when unknown.</summary>
    public double? ValueAt(int unitId, short indicatorId, PeriodInfo period)
    {
        if (!Gather(unitId, TypeIndex(period.Type)) || (uint)indicatorId >= (uint)_count.Length) return null;
        var start = _start[indicatorId];
        for (var k = start; k < start + _count[indicatorId]; k++)
            if (_periods[k] == period.Id) return _values[k];
        return null;
    }

    /// <summary>How many past values <see cref="Series"/> would give, without building the list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int SeriesCount(int unitId, short indicatorId, string periodType) =>
        Gather(unitId, TypeIndex(periodType)) && (uint)indicatorId < (uint)_count.Length ? _count[indicatorId] : 0;

    /// <summary>The unit's current values of an indicator for one period type, in the order they were added.</summary>
    public IReadOnlyList<double> Series(int unitId, short indicatorId, string periodType) =>
        SeriesView(unitId, indicatorId, periodType).ToArray();

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

    /// <summary>
    /// Sorts the unit's live values of one period type by indicator into the gathered arrays, oldest
    /// first within an indicator, unless they are there already. False when the unit has none.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Gather(int unitId, int type)
    {
        if (unitId == _gatheredUnit && type == _gatheredType) return _gatheredTotal > 0;
        var chain = (unitId << 3) | type;
        if (unitId < 0 || chain >= _chainLast.Length || _chainLast[chain] == 0) return false;

        // Count by indicator, then place each value at its indicator's end, walking newest first.
        Array.Clear(_count);
        var total = 0;
        for (var at = _chainLast[chain] - 1; at >= 0; at = _links[at].Previous)
        {
            ref readonly var link = ref _links[at];
            if (link.Period == Dead) continue;
            if (link.Indicator >= _count.Length)
            {
                Array.Resize(ref _count, link.Indicator * 2);
                Array.Resize(ref _start, link.Indicator * 2);
            }
            _count[link.Indicator]++;
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
        for (var at = _chainLast[chain] - 1; at >= 0; at = _links[at].Previous)
        {
            ref readonly var link = ref _links[at];
            if (link.Period == Dead) continue;
            var k = --_start[link.Indicator];
            _values[k] = link.Value;
            _periods[k] = link.Period;
        }
        _gatheredUnit = unitId;
        _gatheredType = type;
        _gatheredTotal = total;
        return total > 0;
    }

    /// <summary>Forgets every value but keeps the storage.</summary>
    public void Clear()
    {
        Array.Clear(_chainLast);
        _used = 0;
        _gatheredUnit = -1;
    }
}
