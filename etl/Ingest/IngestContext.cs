using System.Runtime.CompilerServices;
using Analytics.Etl.Registry;
using Analytics.Warehouse.Store;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Etl.Ingest;

/// <summary>The registry, the indicator catalog and the periods, loaded once per ingest run.</summary>
public sealed class IngestContext
{
    private IngestContext(
        Dictionary<string, List<UnitRecord>> units,
        Dictionary<string, int> unitIds,
        Dictionary<string, IndicatorRule> indicators,
        Dictionary<string, PeriodInfo> periods)
    {
        Units = units;
        UnitIds = unitIds;
        Indicators = indicators;
        Periods = periods;
        PeriodsById = periods.Values.ToDictionary(p => p.Id);
        short Id(string code) => indicators.TryGetValue(code, out var rule) ? rule.Id : (short)-1;
        Reconciliation = (Id("members"), Id("members_admitted"), Id("members_left"));
        _previous = periods.Values.ToDictionary(p => (p.Type, p.End.AddDays(1)));
        _grassrootsChildren = units.Values.SelectMany(w => w)
            .Where(w => w.Level == 3 && w.ParentCode is not null)
            .GroupBy(w => w.ParentCode!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
    }

    private readonly Dictionary<string, List<UnitRecord>> _grassrootsChildren;

    /// <summary>Whether some grassroots union had <paramref name="code"/> as its parent during <paramref name="period"/>.</summary>
    public bool HasGrassrootsChildren(string code, PeriodInfo period) =>
        _grassrootsChildren.TryGetValue(code, out var children)
        && children.Any(c => c.ValidFrom <= period.End && c.End >= period.Start);

    private readonly Dictionary<(string Type, DateOnly NextStart), PeriodInfo> _previous;

    /// <summary>Windows of each unit code, oldest first.</summary>
    public IReadOnlyDictionary<string, List<UnitRecord>> Units { get; }

    public IReadOnlyDictionary<string, int> UnitIds { get; }

    /// <summary>By code, case-insensitive.</summary>
    public IReadOnlyDictionary<string, IndicatorRule> Indicators { get; }

    public IReadOnlyDictionary<string, PeriodInfo> Periods { get; }

    public IReadOnlyDictionary<int, PeriodInfo> PeriodsById { get; }

    /// <summary>The ids of the indicators reconciliation (W02) reads; -1 for one the catalog lacks.</summary>
    public (short Members, short Admitted, short Left) Reconciliation { get; }

    private sealed record UnitIdRow(string UnitCode, int UnitId);

    // The catalog's comma-separated lists arrive as strings ('' for NULL) and are split into the rule's sets.
    private sealed record IndicatorRow(short IndicatorId, string IndicatorCode, string NameVi, string NameEn, string UnitVi,
        string Kind, string ValueType, string ReportedBy, string Sectors, string PeriodTypes, string Categories);

    public static IngestContext Load(DuckDBConnection connection)
    {
        var units = new Dictionary<string, List<UnitRecord>>(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in UnitRegistryImport.Load(connection).OrderBy(u => u.ValidFrom))
        {
            if (!units.TryGetValue(unit.Code, out var list)) units[unit.Code] = list = [];
            list.Add(unit);
        }
        var unitIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in connection.Query<UnitIdRow>("SELECT DISTINCT unit_code, unit_id FROM dim_unit"))
            unitIds[row.UnitCode] = row.UnitId;

        var indicators = new Dictionary<string, IndicatorRule>(StringComparer.OrdinalIgnoreCase);
        // Columns in the order and types of IndicatorRow's constructor: Dapper matches them by name and exact type.
        foreach (var row in connection.Query<IndicatorRow>("""
            SELECT indicator_id, indicator_code, name_vi, name_en, unit_vi, kind, value_type, reported_by,
                   coalesce(sectors, '') AS sectors, coalesce(period_types, '') AS period_types, coalesce(categories, '') AS categories
            FROM dim_indicator
            """))
        {
            indicators[row.IndicatorCode] = new IndicatorRule(
                row.IndicatorId, row.IndicatorCode, row.NameVi, row.NameEn, row.UnitVi, row.Kind, row.ValueType, row.ReportedBy,
                Split(row.Sectors).ToHashSet(), Split(row.PeriodTypes).ToHashSet(), Split(row.Categories));
        }

        var periods = connection.Query<PeriodInfo>("""
            SELECT period_id AS id, period_code AS code, period_type AS type, year, seq, start_date AS start, end_date AS "end", label_vi, label_en
            FROM dim_period
            """).ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
        return new IngestContext(units, unitIds, indicators, periods);
    }

    /// <summary>The unit's window active on <paramref name="day"/>, or null.</summary>
    public UnitRecord? UnitOn(string code, DateOnly day) =>
        Units.TryGetValue(code, out var windows) ? windows.LastOrDefault(w => w.ActiveOn(day)) : null;

    /// <summary>The window covering the latest day of <paramref name="period"/> on which the unit was active, or null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public UnitRecord? UnitDuring(string code, PeriodInfo period)
    {
        if (!Units.TryGetValue(code, out var windows)) return null;
        // Windows are kept oldest first (ordered by valid_from at load), so the last overlapping one is the latest.
        UnitRecord? latest = null;
        foreach (var w in windows)
            if (w.ValidFrom <= period.End && w.End >= period.Start && (latest is null || w.ValidFrom >= latest.ValidFrom)) latest = w;
        return latest;
    }

    /// <summary>The period of the same type just before <paramref name="period"/>, if the calendar has it.</summary>
    public PeriodInfo? Previous(PeriodInfo period) => _previous.GetValueOrDefault((period.Type, period.Start));

    private static List<string> Split(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
