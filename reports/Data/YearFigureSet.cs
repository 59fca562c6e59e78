namespace Analytics.Reports.Data;

/// <summary>
/// Yearly figures of many indicators read at once for an annual report, by hierarchy ("as-was",
/// "as-is"), unit, year and indicator code. Remembers which rates came out as exactly 0 so the
/// loader can ask the metrics API whether that is a real zero or nothing reported.
/// </summary>
internal sealed class YearFigureSet
{
    private readonly Dictionary<(string Hierarchy, string Unit, int Year, string Code), double?> _values = [];
    private readonly HashSet<(string Hierarchy, string Unit, int Year, string Code)> _zeroRates = [];

    public void Add(string hierarchy, string unit, int year, string code, double? value, bool zeroRate = false)
    {
        var key = (hierarchy, unit, year, code);
        _values[key] = value;
        if (zeroRate && value == 0) _zeroRates.Add(key);
        else _zeroRates.Remove(key);
    }

    public double? AsWas(string code, string unit, int year) => _values.GetValueOrDefault(("as-was", unit, year, code));

    public double? AsIs(string code, string unit, int year) => _values.GetValueOrDefault(("as-is", unit, year, code));

    public IEnumerable<(string Hierarchy, string Unit, int Year, string Code)> ZeroRates() => _zeroRates;
}
