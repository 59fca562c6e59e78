using Analytics.Warehouse.Vocabulary;
namespace Analytics.Warehouse.Figures;

/// <summary>
/// Summed leaf values per (unit, period, leaf code, sector) from one query; figures for any sector
/// filter are assembled from it. Values without a sector (reported by upper-level units) count under
/// every filter: they cannot be split by sector.
/// </summary>
internal sealed class FigureSet
{
    private readonly Dictionary<(string Unit, string Period, string Code), Dictionary<string, double>> _sums = [];

    private const string NoSector = "";

    public void Add(string unit, string period, string code, string? sector, double value)
    {
        var key = (unit, period, code);
        if (!_sums.TryGetValue(key, out var bySector)) _sums[key] = bySector = new Dictionary<string, double>(StringComparer.Ordinal);
        bySector[sector ?? NoSector] = bySector.GetValueOrDefault(sector ?? NoSector) + value;
    }

    /// <summary>The sum of a leaf code, or null when no unit in scope had a row for it.</summary>
    public double? Sum(string unit, string period, string code, IReadOnlyList<string>? sectors)
    {
        if (!_sums.TryGetValue((unit, period, code), out var bySector)) return null;
        double? total = null;
        foreach (var (sector, value) in bySector)
            if (sectors is null || sectors.Count == 0 || sector == NoSector || sectors.Contains(sector))
                total = (total ?? 0) + value;
        return total;
    }

    public MetricValue Value(RateDefinitions definitions, string indicator, string unit, string period, Hierarchy hierarchy, IReadOnlyList<string>? sectors)
    {
        var (numeratorCode, denominatorCode) = definitions.Parts(indicator);
        var numerator = Sum(unit, period, numeratorCode, sectors);
        if (denominatorCode is null) return new MetricValue(indicator, unit, period, hierarchy, numerator, numerator, null);
        var denominator = Sum(unit, period, denominatorCode, sectors);
        return new MetricValue(indicator, unit, period, hierarchy, RateDefinitions.Divide(numerator, denominator), numerator, denominator);
    }

    /// <summary>A ratio of two arbitrary leaf codes (targets written as numerator / denominator).</summary>
    public MetricValue Ratio(string label, string numeratorCode, string denominatorCode, string unit, string period, Hierarchy hierarchy, IReadOnlyList<string>? sectors)
    {
        var numerator = Sum(unit, period, numeratorCode, sectors);
        var denominator = Sum(unit, period, denominatorCode, sectors);
        return new MetricValue(label, unit, period, hierarchy, RateDefinitions.Divide(numerator, denominator), numerator, denominator);
    }
}
