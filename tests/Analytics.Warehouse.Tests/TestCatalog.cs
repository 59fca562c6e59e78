using System.Runtime.CompilerServices;

namespace Analytics.Warehouse.Tests;

/// <summary>
/// The indicator catalog as shipped (etl/Catalog/indicators.csv), read by DuckDB into dim_indicator:
/// the warehouse project does not reference etl/, so its tests load the file themselves.
/// </summary>
internal static class TestCatalog
{
    public static void Load(DuckDBConnection connection) => connection.Execute($"""
        INSERT INTO dim_indicator
        SELECT row_number() OVER (), indicator_code, name_vi, name_en, unit_vi, unit_en, kind, value_type, reported_by,
               nullif(sectors, ''), nullif(period_types, ''), nullif(categories, ''), description,
               nullif(numerator, ''), nullif(denominator, '')
        FROM read_csv('{CatalogPath()}', all_varchar = true, header = true)
        """);

    private static string CatalogPath([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "../../etl/Catalog/indicators.csv"));
}
