using Analytics.Warehouse.Vocabulary;
using Dapper;

namespace Analytics.Warehouse.Figures;

public sealed partial class Metrics
{
    /// <summary>
    /// Grassroots unions by sector and rating category in the subtree of each of <paramref name="unitCodes"/> for
    /// <paramref name="year"/>, in that hierarchy: the leaf rows of <c>rated</c> (each unit's latest rating inside
    /// the year, units active on its last day, placed in the subtree by the same bridge) grouped by the category
    /// they were counted with. Per unit, the counts add up to <c>rated</c> and the xuat_sac and tot counts to
    /// <c>rated_good_plus</c> for the same year and hierarchy: they are the same rows summed the same way.
    /// Every unit asked for has an entry, empty when nothing is rated; rows ordered by sector and category.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RatingCount>> Ratings(IReadOnlyCollection<string> unitCodes, int year, Hierarchy hierarchy)
    {
        foreach (var unit in unitCodes)
            if (!SafeCode().IsMatch(unit)) throw new ArgumentException($"'{unit}' is not a code.");
        var period = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        CheckPeriod(period);
        var result = unitCodes.Distinct(StringComparer.Ordinal).ToDictionary(u => u, _ => new List<RatingCount>(), StringComparer.Ordinal);
        if (result.Count == 0) return result.ToDictionary(r => r.Key, r => (IReadOnlyList<RatingCount>)r.Value, StringComparer.Ordinal);
        var (leaf, bridge) = Sources([period], ["rated"], hierarchy, fromTables: IsStored(period));
        var rows = Connection.Query<RatingRow>($"""
            WITH leaf AS (SELECT * FROM ({leaf}) WHERE period_code = $period AND indicator_code = 'rated'),
            bridge AS ({bridge})
            SELECT b.ancestor_code, l.sector, l.category, sum(l.value)::BIGINT AS units
            FROM leaf l
            JOIN bridge b ON b.unit_code = l.unit_code {(hierarchy == Hierarchy.AsWas ? "AND b.on_date = l.on_date" : "")}
            WHERE b.ancestor_code IN ({MetricSql.List(result.Keys)})
            GROUP BY ALL
            ORDER BY 1, 2, 3
            """, new { period });
        foreach (var r in rows) result[r.AncestorCode].Add(new RatingCount(r.Sector, r.Category, r.Units));
        return result.ToDictionary(r => r.Key, r => (IReadOnlyList<RatingCount>)r.Value, StringComparer.Ordinal);
    }

    private sealed record RatingRow(string AncestorCode, string Sector, string Category, long Units);
}
