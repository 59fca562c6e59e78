using Analytics.Warehouse.Figures;
using Analytics.Warehouse.Vocabulary;
using Analytics.Warehouse.Store;
using Dapper;
namespace Analytics.Warehouse.Attainment;

public sealed partial class Attainment
{
    /// <summary>
    /// Where a unit's targets are evaluated. As-was: the unit itself, always (its subtree as it stood).
    /// As-is: the unit itself while it is active; a unit closed today (Gia Lâm, HNI-GLM, closed on
    /// 2025-06-30 in the reorganisation) has no subtree today, so its targets are evaluated on the unit
    /// that holds its units today — the same place its own values go to in as-is rollups: its successor,
    /// recursively, or its last parent's current place when it has none. The note says so in the output.
    /// </summary>
    private sealed record Scope(string Unit, string EvaluatedOn, string? NoteVi, string? NoteEn);

    // A registry cycle (A succeeded by B succeeded by A) would be a data error; stop rather than loop.
    private const int MaxSteps = 32;

    private Dictionary<string, Scope> Scopes(IReadOnlyCollection<string> units, Hierarchy hierarchy)
    {
        var scopes = units.Distinct(StringComparer.Ordinal).ToDictionary(u => u, u => new Scope(u, u, null, null), StringComparer.Ordinal);
        if (hierarchy != Hierarchy.AsIs || scopes.Count == 0) return scopes;
        var active = ActiveToday(scopes.Keys);
        foreach (var unit in scopes.Keys.Where(u => !active.Contains(u)).ToList())
            if (ClosedScope(unit) is { } scope) scopes[unit] = scope;
        return scopes;
    }

    private HashSet<string> ActiveToday(IEnumerable<string> units)
    {
        return connection.Query<string>($"SELECT DISTINCT unit_code FROM dim_unit WHERE valid_to IS NULL AND unit_code IN ({MetricSql.List(units)})")
            .ToHashSet(StringComparer.Ordinal);
    }

    private sealed record LastWindow(string Name, DateOnly? ClosedOn, string? Successor, string? Parent, bool Active);

    private LastWindow? Last(string unit)
    {
        return connection.QuerySingleOrDefault<LastWindow>("""
            SELECT arg_max(name, valid_from) AS name, max(valid_to) AS closed_on, arg_max(successor_code, valid_from) AS successor,
                   arg_max(parent_code, valid_from) AS parent, bool_or(valid_to IS NULL) AS active
            FROM dim_unit WHERE unit_code = $unit HAVING count(*) > 0
            """, new { unit });
    }

    // Null when the unit is unknown or the walk ends nowhere (a broken registry): the unit is then
    // evaluated on itself and gets no data, as before.
    private Scope? ClosedScope(string unit)
    {
        var start = Last(unit);
        if (start is null || start.Active) return null;
        var path = new List<string>();
        var current = start;
        var viaParent = false;
        for (var step = 0; step < MaxSteps && !current.Active; step++)
        {
            var next = current.Successor ?? current.Parent;
            if (next is null) return null;
            viaParent |= current.Successor is null;
            path.Add(next);
            current = Last(next);
            if (current is null) return null;
        }
        if (!current.Active) return null;
        var place = path[^1];
        var through = path.Count > 1 ? string.Join(", ", path.Take(path.Count - 1)) : null;
        var closed = start.ClosedOn!.Value;
        var (kindVi, kindEn) = viaParent
            ? ("đơn vị hiện tiếp nhận các đơn vị của nó", "the unit that holds its units today (no successor: its last parent's current place)")
            : ("đơn vị kế thừa", "its successor");
        var throughVi = through is null ? "" : $" (qua {through})";
        var throughEn = through is null ? "" : $" (through {through})";
        return new Scope(unit, place,
            $"{start.Name} ({unit}) kết thúc hoạt động ngày {closed:dd/MM/yyyy}; chỉ tiêu được xét trên {kindVi} {current.Name} ({place}){throughVi}.",
            $"{start.Name} ({unit}) closed {closed:yyyy-MM-dd}; evaluated on {kindEn} {current.Name} ({place}){throughEn}.");
    }
}
