using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Analytics.Warehouse.Store;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.ReferenceData;

/// <summary>
/// The indicator catalog: every indicator a unit may report or the warehouse derives, read from
/// warehouse/ReferenceData/indicators.csv (embedded in this assembly) and synced into dim_indicator.
/// Documented for analysts in docs/indicators.md.
/// </summary>
public sealed partial class IndicatorCatalog
{
    /// <summary>The header of the catalog file; the columns of dim_indicator, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "indicator_code", "name_vi", "name_en", "unit_vi", "unit_en", "kind", "value_type",
        "reported_by", "sectors", "period_types", "categories", "description",
        "numerator", "denominator", "carry_forward_quarters",
    ];

    private const string ResourceName = "Analytics.Warehouse.ReferenceData.indicators.csv";

    private static readonly string[] AllowedSectors = [.. Vocabulary.Sector.Codes];
    private static readonly string[] AllowedPeriodTypes = ["month", "quarter", "half", "nine_months", "year"];

    private static readonly Lazy<IndicatorCatalog> EmbeddedCatalog = new(LoadEmbedded);

    private readonly FrozenDictionary<string, IndicatorDefinition> _byCode;

    private IndicatorCatalog(IReadOnlyList<IndicatorDefinition> entries)
    {
        Entries = entries;
        _byCode = entries.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);
    }

    /// <summary>The catalog shipped with this build (parsed once).</summary>
    public static IndicatorCatalog Default => EmbeddedCatalog.Value;

    /// <summary>All indicators in file order.</summary>
    public IReadOnlyList<IndicatorDefinition> Entries { get; }

    public bool Contains(string code) => _byCode.ContainsKey(code);

    public bool TryGet(string code, out IndicatorDefinition definition) =>
        _byCode.TryGetValue(code, out definition!);

    public IndicatorDefinition Get(string code) =>
        _byCode.TryGetValue(code, out var definition)
            ? definition
            : throw new KeyNotFoundException($"Indicator '{code}' is not in the catalog.");

    /// <summary>Parses and validates catalog text; <paramref name="source"/> names it in errors.</summary>
    public static IndicatorCatalog Parse(string csvText, string source)
    {
        var records = CatalogCsv.Read(csvText, source);
        if (records.Count == 0) throw new InvalidDataException($"{source}: the catalog is empty.");
        var (headerLine, header) = records[0];
        if (!header.SequenceEqual(Columns))
            throw new InvalidDataException($"{source}, line {headerLine}: the header must be exactly '{string.Join(',', Columns)}'.");

        var entries = new List<IndicatorDefinition>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (line, fields) in records.Skip(1))
        {
            var at = $"{source}, line {line}";
            if (fields.Count != Columns.Count)
                throw new InvalidDataException($"{at}: {fields.Count} fields, expected {Columns.Count}.");
            // Names are compared and shown in Vietnamese; NFC keeps one spelling of each letter.
            var f = fields.Select(v => v.Trim().Normalize(NormalizationForm.FormC)).ToArray();
            var code = f[0];
            if (!CodePattern().IsMatch(code))
                throw new InvalidDataException($"{at}: indicator code '{code}' must be lower_snake_case ASCII.");
            at += $" ({code})";
            if (!seen.Add(code)) throw new InvalidDataException($"{at}: the code appears twice.");
            for (var i = 1; i <= 4; i++)
                if (f[i].Length == 0)
                    throw new InvalidDataException($"{at}: {Columns[i]} is empty.");

            var kind = ParseEnum<IndicatorKind>(f[5], at, "kind");
            var valueType = ParseEnum<IndicatorValueType>(f[6], at, "value_type");
            var reportedBy = ParseEnum<IndicatorReporter>(f[7], at, "reported_by");
            var sectors = ParseList(f[8], AllowedSectors, at, "sectors");
            var periodTypes = ParseList(f[9], AllowedPeriodTypes, at, "period_types");
            var categories = ParseList(f[10], null, at, "categories");

            if ((kind == IndicatorKind.Derived) != (reportedBy == IndicatorReporter.Derived))
                throw new InvalidDataException($"{at}: kind 'derived' and reported_by 'derived' go together.");
            if ((kind == IndicatorKind.Category) != (valueType == IndicatorValueType.Category))
                throw new InvalidDataException($"{at}: kind 'category' and value_type 'category' go together.");
            if ((valueType == IndicatorValueType.Category) != (categories.Count > 0))
                throw new InvalidDataException($"{at}: categories are required for category indicators and only for them.");
            if (valueType == IndicatorValueType.Rate && kind != IndicatorKind.Derived)
                throw new InvalidDataException($"{at}: a rate is computed, so its kind must be 'derived'.");
            if (sectors.Count > 0 && reportedBy != IndicatorReporter.Grassroots)
                throw new InvalidDataException($"{at}: only grassroots indicators can be limited to sectors.");
            // A rate is defined here and nowhere else: its two parts are what every figure divides.
            if ((valueType == IndicatorValueType.Rate) != (f[12].Length > 0 && f[13].Length > 0))
                throw new InvalidDataException($"{at}: a rate needs both numerator and denominator, and only a rate has them.");
            if (f[12].Length > 0 && f[12] == f[13])
                throw new InvalidDataException($"{at}: numerator and denominator are the same code.");

            // A stock's last report may stand in for a missing one for this many quarters, in the carry-forward variant only.
            int? carryForward = null;
            if (f[14].Length > 0)
            {
                if (!int.TryParse(f[14], NumberStyles.None, CultureInfo.InvariantCulture, out var quarters) || quarters is < 1 or > 8)
                    throw new InvalidDataException($"{at}: carry_forward_quarters '{f[14]}' must be a whole number of quarters from 1 to 8.");
                if (kind != IndicatorKind.Stock)
                    throw new InvalidDataException($"{at}: only a stock can be carried forward (carry_forward_quarters).");
                carryForward = quarters;
            }

            entries.Add(new IndicatorDefinition(code, f[1], f[2], f[3], f[4], kind, valueType, reportedBy,
                sectors, periodTypes, categories, f[11], f[12].Length == 0 ? null : f[12], f[13].Length == 0 ? null : f[13], carryForward));
        }
        // Parts are stored counts, registry counts or other indicators' codes; a typo would leave the rate empty for ever.
        var codes = entries.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var e in entries.Where(e => e.IsRate))
            foreach (var part in new[] { e.Numerator!, e.Denominator! })
                if (!codes.Contains(part) && !Figures.RateDefinitions.ComputedCounts.Contains(part))
                    throw new InvalidDataException($"{source} ({e.Code}): '{part}' is neither an indicator of the catalog nor a count the warehouse computes.");
        return new IndicatorCatalog(entries);
    }

    /// <summary>
    /// Brings dim_indicator in line with the catalog in one transaction; returns the rows inserted or
    /// updated (0 when already in sync). An existing code keeps its indicator_id; a new code gets
    /// max(indicator_id) + 1, so a fresh database numbers the codes in file order from 1. Codes no
    /// longer in the file are left alone: facts may still refer to them.
    /// </summary>
    public int Sync(DuckDBConnection connection)
    {
        var existing = new Dictionary<string, (int Id, string?[] Values)>(StringComparer.Ordinal);
        var maxId = 0;
        // Compared as text, the form the file has (carry_forward_quarters is an INTEGER column). The columns
        // are the catalog's list, so each row is read by column name into the same order as ToRow's.
        var sql = $"SELECT indicator_id::INTEGER AS indicator_id, {string.Join(", ", Columns.Select(c => $"CAST({c} AS VARCHAR) AS {c}"))} FROM dim_indicator";
        foreach (var row in SqlMapper.Query(connection, sql).Cast<IDictionary<string, object?>>())
        {
            var id = (int)row["indicator_id"]!;
            string?[] values = [.. Columns.Select(c => (string?)row[c])];
            existing[values[0]!] = (id, values);
            maxId = Math.Max(maxId, id);
        }

        var changed = 0;
        using var tx = connection.BeginTransaction();
        foreach (var entry in Entries)
        {
            var row = ToRow(entry);
            if (existing.TryGetValue(entry.Code, out var current))
            {
                if (current.Values.SequenceEqual(row)) continue;
                connection.Execute(
                    $"UPDATE dim_indicator SET {string.Join(", ", Columns.Skip(1).Select((c, i) => $"{c} = ${i + 2}"))} WHERE indicator_code = $1",
                    [.. row]);
            }
            else
            {
                if (maxId >= short.MaxValue) throw new InvalidOperationException("dim_indicator has no indicator_id left.");
                maxId++;
                connection.Execute(
                    $"INSERT INTO dim_indicator (indicator_id, {string.Join(", ", Columns)}) VALUES ({string.Join(", ", Enumerable.Range(1, Columns.Count + 1).Select(i => $"${i}"))})",
                    [maxId, .. row]);
            }
            changed++;
        }
        tx.Commit();
        return changed;
    }

    private static string?[] ToRow(IndicatorDefinition e) =>
    [
        e.Code, e.NameVi, e.NameEn, e.UnitVi, e.UnitEn,
        Snake(e.Kind.ToString()), Snake(e.ValueType.ToString()), Snake(e.ReportedBy.ToString()),
        Join(e.Sectors), Join(e.PeriodTypes), Join(e.Categories),
        e.Description.Length == 0 ? null : e.Description,
        e.Numerator, e.Denominator,
        e.CarryForwardQuarters?.ToString(CultureInfo.InvariantCulture),
    ];

    private static string? Join(IReadOnlySet<string> set) => set.Count == 0 ? null : string.Join(',', set);

    private static string Snake(string pascal) => PascalBoundary().Replace(pascal, "_$1").ToLowerInvariant();

    private static TEnum ParseEnum<TEnum>(string text, string at, string column) where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
            if (Snake(value.ToString()) == text) return value;
        var allowed = string.Join(", ", Enum.GetValues<TEnum>().Select(v => Snake(v.ToString())));
        throw new InvalidDataException($"{at}: {column} '{text}' is not one of {allowed}.");
    }

    // Keeps the file's order (an insertion-ordered set) so the text written back to dim_indicator
    // matches what the file says.
    private static IReadOnlySet<string> ParseList(string text, string[]? allowed, string at, string column)
    {
        var set = new OrderedSet();
        if (text.Length == 0) return set;
        foreach (var raw in text.Split(','))
        {
            var item = raw.Trim();
            if (item.Length == 0) throw new InvalidDataException($"{at}: {column} has an empty item.");
            if (allowed is not null && !allowed.Contains(item))
                throw new InvalidDataException($"{at}: {column} item '{item}' is not one of {string.Join(", ", allowed)}.");
            if (!set.Add(item)) throw new InvalidDataException($"{at}: {column} lists '{item}' twice.");
        }
        return set;
    }

    private static IndicatorCatalog LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Resource {ResourceName} is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), "warehouse/ReferenceData/indicators.csv");
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    [GeneratedRegex("(?<!^)([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex PascalBoundary();
}
