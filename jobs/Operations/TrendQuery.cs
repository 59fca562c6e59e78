using Analytics.Warehouse.Vocabulary;
using Analytics.Warehouse.Figures;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Operations;

/// <summary>`analytics trend`: an indicator per year for a unit with the change from year to year.</summary>
public static class TrendQuery
{
    public static IReadOnlyList<TrendPoint> Run(DuckDBConnection connection, string indicator, string unit, int from, int to, Hierarchy hierarchy, bool likeForLike, IReadOnlyList<string> sectors) =>
        new Metrics(connection).Trend(indicator, unit, from, to, hierarchy, likeForLike, sectors.Count == 0 ? null : sectors);
}
