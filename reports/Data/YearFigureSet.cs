using Analytics.Warehouse.Figures;
using Analytics.Warehouse.Vocabulary;
namespace Analytics.Reports.Data;

/// <summary>
/// Yearly figures of many indicators read at once for an annual report, by hierarchy ("as-was",
/// "as-is"), unit, year and indicator code: sums of leaf codes, then rates as ratios of two sums.
/// </summary>
internal sealed class YearFigureSet
{
    private readonly Dictionary<(string Hierarchy, string Unit, int Year, string Code), double?> _values = [];

    public void Add(string hierarchy, string unit, int year, string code, double? value) => _values[(hierarchy, unit, year, code)] = value;

    /// <summary>
    /// Adds each rate where its parts were read, divided by the engine's one rule (<see cref="RateDefinitions.Divide"/>).
    /// </summary>
    public void AddRates(IReadOnlyDictionary<string, (string Numerator, string Denominator)> rates)
    {
        var places = _values.Keys.Select(k => (k.Hierarchy, k.Unit, k.Year)).Distinct().ToList();
        foreach (var (hierarchy, unit, year) in places)
        {
            foreach (var (code, (numerator, denominator)) in rates)
            {
                var n = _values.GetValueOrDefault((hierarchy, unit, year, numerator));
                var d = _values.GetValueOrDefault((hierarchy, unit, year, denominator));
                _values[(hierarchy, unit, year, code)] = RateDefinitions.Divide(n, d);
            }
        }
    }

    public double? AsWas(string code, string unit, int year) => _values.GetValueOrDefault(("as-was", unit, year, code));

    public double? AsIs(string code, string unit, int year) => _values.GetValueOrDefault(("as-is", unit, year, code));
}
