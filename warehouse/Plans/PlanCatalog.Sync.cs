using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Analytics.Warehouse.Store;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Plans;

public sealed partial class PlanCatalog
{
    private const string PlanColumns =
        "plan_id, plan_number, document_type, issuer_code, issuer_name, issued_on, term, term_start, term_end, " +
        "title_vi, title_en, source_file, note, target_count, content_hash";

    private const string TargetColumns =
        "target_id, plan_id, seq, group_code, text_vi, text_en, shape, measure, indicator_code, numerator_code, " +
        "denominator_code, comparison, target_value, target_min, target_max, basis, from_year, to_year, due_date, " +
        "sectors, min_workers, scope_unit_code, measured, not_measured_reason, note, short_vi, short_en, not_measured_reason_vi";

    /// <summary>
    /// Writes this catalog's plans into dim_plan and dim_target in one transaction: a plan whose
    /// content changed has its row and all its targets replaced (a target dropped from the file
    /// disappears); an unchanged plan is not touched. Plans in the tables but not in this catalog are
    /// left alone. Returns the number of plans written (0 when everything was already in sync).
    /// </summary>
    public int Sync(DuckDBConnection connection)
    {
        var stored = connection.Query<StoredPlan>("SELECT plan_id, content_hash FROM dim_plan")
            .ToDictionary(p => p.PlanId, p => p.ContentHash, StringComparer.Ordinal);

        var written = 0;
        using var tx = connection.BeginTransaction();
        foreach (var plan in Plans)
        {
            var targetRows = plan.Targets.Select(TargetRow).ToList();
            var planRow = PlanRow(plan);
            var hash = Hash(planRow, targetRows);
            if (stored.TryGetValue(plan.PlanId, out var current) && current == hash) continue;

            connection.Execute("DELETE FROM dim_target WHERE plan_id = $1", plan.PlanId);
            connection.Execute("DELETE FROM dim_plan WHERE plan_id = $1", plan.PlanId);
            connection.Execute($"INSERT INTO dim_plan ({PlanColumns}) VALUES ({Placeholders(planRow.Length + 1)})", [.. planRow, hash]);
            var insert = $"INSERT INTO dim_target ({TargetColumns}) VALUES ({Placeholders(TargetColumns.Split(',').Length)})";
            foreach (var row in targetRows) connection.Execute(insert, row);
            written++;
        }
        tx.Commit();
        return written;
    }

    private static object?[] PlanRow(PlanDefinition p) =>
    [
        p.PlanId, p.Number, p.DocumentType, p.IssuerCode, p.IssuerName, p.IssuedOn, p.Term, p.TermStart, p.TermEnd,
        p.TitleVi, p.TitleEn, p.Source, p.Note, p.Targets.Count,
    ];

    private static object?[] TargetRow(TargetDefinition t) =>
    [
        t.Id, t.PlanId, t.Seq, t.Group, t.TextVi, t.TextEn, Name(t.Shape), Name(t.Measure), t.Indicator, t.Numerator,
        t.Denominator, t.ComparisonSymbol, t.Value, t.Min, t.Max, Name(t.Basis), t.FromYear, t.ToYear, t.Due,
        t.Sectors.Count == 0 ? null : string.Join(',', t.Sectors), t.MinWorkers, t.ScopeUnitCode, t.Measured,
        t.NotMeasuredReason, t.Note, t.ShortVi, t.ShortEn, t.NotMeasuredReasonVi,
    ];

    private static string Placeholders(int count) => string.Join(", ", Enumerable.Range(1, count).Select(i => $"${i}"));

    // The hash covers exactly what is written, so any edit to the file (or to how it is stored)
    // rewrites the plan, and nothing else does.
    private static string Hash(object?[] planRow, List<object?[]> targetRows)
    {
        var text = new StringBuilder();
        foreach (var row in targetRows.Prepend(planRow))
        {
            foreach (var value in row)
            {
                text.Append(value switch
                {
                    null => "\u2205",
                    DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    double number => number.ToString("R", CultureInfo.InvariantCulture),
                    IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                });
                text.Append('\u001f');
            }
            text.Append('\u001e');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>A plan as dim_plan holds it: which content it was written from.</summary>
    private sealed record StoredPlan(string PlanId, string ContentHash);
}
