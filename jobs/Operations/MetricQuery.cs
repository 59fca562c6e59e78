using Analytics.Warehouse.Vocabulary;
using Analytics.Warehouse.Figures;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Operations;

/// <summary>`analytics metric`: one figure rolled up over a unit's subtree for a period; unknown names are <see cref="UnknownNameException"/>s.</summary>
public static class MetricQuery
{
    public static MetricValue Get(DuckDBConnection connection, string indicator, string unit, string periodCode, Hierarchy hierarchy, IReadOnlyList<string> sectors) =>
        new Metrics(connection).Get(indicator, unit, periodCode, hierarchy, sectors.Count == 0 ? null : sectors);

    /// <summary>Why the figure is empty when the unit had closed before the period began (its date and successor), else null.</summary>
    public static string? ClosedNote(DuckDBConnection connection, MetricValue value, bool english) =>
        value.Value is null && UnitClosure.Before(connection, value.UnitCode, value.PeriodCode) is { } closure
            ? closure.Message(value.PeriodCode, english)
            : null;

    /// <summary>as-is or as-was.</summary>
    public static Hierarchy ParseHierarchy(string code) => code == "as-was" ? Hierarchy.AsWas : Hierarchy.AsIs;
}
