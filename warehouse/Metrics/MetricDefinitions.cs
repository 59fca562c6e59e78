namespace Analytics.Warehouse.Metrics;

/// <summary>
/// How each indicator code is computed from leaf rows: a rate is the ratio of two summed leaf codes;
/// anything else is the sum of its own leaf rows. Formulas: etl/Catalog/indicators.csv and docs/indicators.md.
/// </summary>
internal static class MetricDefinitions
{
    /// <summary>Derived rates: code → (numerator leaf code, denominator leaf code).</summary>
    public static readonly IReadOnlyDictionary<string, (string Numerator, string Denominator)> Rates =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["cba_coverage"] = ("cba_signed", "enterprises_unionized"),
            ["union_coverage"] = ("enterprises_unionized", "enterprises_eligible"),
            ["membership_rate"] = ("members", "workers"),
            ["cba_favorable_share"] = ("cba_favorable", "cba_signed"),
            ["cba_grade_b_plus_share"] = ("cba_grade_b_plus", "cba_signed"),
            ["rated_good_plus_share"] = ("rated_good_plus", "rated"),
            ["upper_rated_good_plus_share"] = ("upper_rated_good_plus", "upper_rated"),
            ["finance_attainment"] = ("finance_collected", "finance_budget"),
            ["finance_budget_met_share"] = ("finance_budget_met", "finance_budget_reported"),
            ["party_introduced_per_cdcs"] = ("party_introduced", "cdcs_active"),
        };

    /// <summary>Leaf codes computed from the registry or from other values rather than read from one reported indicator.</summary>
    public static readonly IReadOnlySet<string> ComputedCounts = new HashSet<string>(StringComparer.Ordinal)
    {
        "cdcs_active", "enterprises_unionized", "upper_units_active", "cdcs_opened",
        "rated", "rated_good_plus", "upper_rated", "upper_rated_good_plus", "finance_budget_met", "finance_budget_reported",
    };

    /// <summary>The leaf codes a figure needs: one for a count, two for a rate.</summary>
    public static (string Numerator, string? Denominator) Parts(string indicator) =>
        Rates.TryGetValue(indicator, out var rate) ? (rate.Numerator, rate.Denominator) : (indicator, null);
}
