using System.Collections;

namespace Analytics.Warehouse.ReferenceData;

/// <summary>A read-only-to-callers set of strings that enumerates in insertion order.</summary>
internal sealed class OrderedSet : IReadOnlySet<string>
{
    private readonly List<string> _items = [];
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);

    public int Count => _items.Count;

    public bool Add(string item)
    {
        if (!_set.Add(item)) return false;
        _items.Add(item);
        return true;
    }

    public bool Contains(string item) => _set.Contains(item);

    public IEnumerator<string> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool IsProperSubsetOf(IEnumerable<string> other) => _set.IsProperSubsetOf(other);

    public bool IsProperSupersetOf(IEnumerable<string> other) => _set.IsProperSupersetOf(other);

    public bool IsSubsetOf(IEnumerable<string> other) => _set.IsSubsetOf(other);

    public bool IsSupersetOf(IEnumerable<string> other) => _set.IsSupersetOf(other);

    public bool Overlaps(IEnumerable<string> other) => _set.Overlaps(other);

    public bool SetEquals(IEnumerable<string> other) => _set.SetEquals(other);
}
