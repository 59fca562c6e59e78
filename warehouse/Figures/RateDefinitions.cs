using Analytics.Warehouse.Store;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Figures;

/// <summary>
/// How each indicator code becomes a figure: a rate is the ratio of two summed codes, anything else the
/// sum of its own rows. The rates' parts are data: the numerator and denominator columns of
/// warehouse/ReferenceData/indicators.csv, synced into dim_indicator, which v_rollup_rate reads too, so the views,
/// the metrics API and the reports divide the same two sums.
/// </summary>
public sealed class RateDefinitions
{
    /// <summary>Counts computed from the registry or from other values rather than read from one reported indicator.</summary>
    public static readonly IReadOnlySet<string> ComputedCounts = new HashSet<string>(StringComparer.Ordinal)
    {
        "cdcs_active", "enterprises_unionized", "upper_units_active", "cdcs_opened",
        "rated", "rated_good_plus", "upper_rated", "upper_rated_good_plus", "finance_budget_met", "finance_budget_reported",
    };

    private RateDefinitions(IReadOnlyDictionary<string, (string Numerator, string Denominator)> rates) => Rates = rates;

    /// <summary>Rate code → (numerator code, denominator code).</summary>
    public IReadOnlyDictionary<string, (string Numerator, string Denominator)> Rates { get; }

    /// <summary>The rates of the catalog synced into <c>dim_indicator</c> of this warehouse.</summary>
    public static RateDefinitions Read(DuckDBConnection connection)
    {
        var rates = connection.Query<Rate>(
                "SELECT indicator_code, numerator, denominator FROM dim_indicator WHERE numerator IS NOT NULL AND denominator IS NOT NULL")
            .ToDictionary(r => r.IndicatorCode, r => (r.Numerator, r.Denominator), StringComparer.Ordinal);
        return new RateDefinitions(rates);
    }

    private sealed record Rate(string IndicatorCode, string Numerator, string Denominator);

    /// <summary>
    /// A rate from its two sums, the one rule every consumer divides by (v_rollup_rate writes the same in SQL):
    /// none when the numerator has no rows (not reported is not zero; a true zero has rows) or the denominator is
    /// not positive.
    /// </summary>
    public static double? Divide(double? numerator, double? denominator) => denominator is > 0 ? numerator / denominator : null;

    /// <summary>The codes a figure needs: one for a count, two for a rate.</summary>
    public (string Numerator, string? Denominator) Parts(string indicator) =>
        Rates.TryGetValue(indicator, out var rate) ? (rate.Numerator, rate.Denominator) : (indicator, null);
}
