using Analytics.Warehouse.Vocabulary;
using Analytics.Etl.Ingest;
using Analytics.Warehouse.Figures;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Operations;

/// <summary>`analytics template`: the official submission workbook for a unit and period.</summary>
public static class TemplateWriting
{
    /// <summary>
    /// Writes the workbook; returns the indicator codes it asks for. An unknown unit is an
    /// <see cref="UnknownNameException"/>; a unit not active in the period an <see cref="ArgumentException"/>.
    /// </summary>
    public static IReadOnlyList<string> Write(DuckDBConnection connection, string unit, string period, string outPath)
    {
        Metrics.RequireUnit(connection, unit);
        return SubmissionTemplate.Write(connection, unit, period, outPath);
    }
}
