using System.Globalization;
using System.Text;
using Analytics.Warehouse.Completeness;
using Dapper;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Operations;

/// <summary>
/// After a deadline: the grassroots units that reported late or not at all, for every period (of the
/// types grassroots units report, `ReminderPeriodTypes`) whose deadline is the latest one passed,
/// written as CSV (one file per period, rewritten on each run).
/// </summary>
public static class Reminders
{
    public sealed record Written(string PeriodCode, DateTime? Deadline, int Late, int Missing, string File);

    /// <summary>The period types a reminder may be about (the warehouse's own names).</summary>
    public static readonly string[] PeriodTypes = ["month", "quarter", "half", "nine_months", "year"];

    public static IReadOnlyList<Written> Run(DuckDBConnection connection, ServiceSettings settings, DateTime asOf)
    {
        var unknown = settings.ReminderPeriodTypes.Except(PeriodTypes, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException($"Analytics:ReminderPeriodTypes: {string.Join(", ", unknown)} is not one of {string.Join(", ", PeriodTypes)}.");
        // Names checked against the list above, so they can be written into the query as they are.
        var types = string.Join(", ", settings.ReminderPeriodTypes.Select(t => $"'{t}'"));
        if (types.Length == 0) return [];
        var periods = connection.Query<string>($"""
            WITH d AS (
                SELECT period_code, deadline_of(period_code) AS deadline FROM dim_period
                WHERE period_type IN ({types}))
            SELECT period_code FROM d
            WHERE deadline <= $as_of
            QUALIFY deadline = max(deadline) OVER ()
            ORDER BY period_code
            """, new { as_of = asOf }).AsList();

        Directory.CreateDirectory(settings.RemindersDirectory);
        var written = new List<Written>();
        foreach (var period in periods)
        {
            var report = CompletenessReport.Compute(connection, period, asOf, null);
            var csv = new StringBuilder("unit_code,name,parent_code,status,received_at,refused_count\n");
            foreach (var u in report.LateOrMissing)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{Field(u.UnitCode)},{Field(u.Name)},{Field(u.ParentCode)},{u.Status},")
                   .Append(CultureInfo.InvariantCulture, $"{u.ReceivedAt:yyyy-MM-ddTHH:mm:ss},{u.RefusedCount}\n");
            }
            var path = Path.Combine(settings.RemindersDirectory, $"{period}.csv");
            File.WriteAllText(path + ".tmp", csv.ToString(), new UTF8Encoding(true));
            File.Move(path + ".tmp", path, overwrite: true);
            written.Add(new Written(period, report.Deadline, report.LateOrMissing.Count(u => u.Status == "late"),
                report.LateOrMissing.Count(u => u.Status == "missing"), path));
        }
        return written;
    }

    /// <summary>The reminder files on disk, newest period first: (period, path).</summary>
    public static IReadOnlyList<(string Period, string Path)> Files(ServiceSettings settings) =>
        Directory.Exists(settings.RemindersDirectory)
            ? [.. Directory.EnumerateFiles(settings.RemindersDirectory, "*.csv")
                .Select(p => (Path.GetFileNameWithoutExtension(p), p))
                .OrderByDescending(x => x.Item1, StringComparer.Ordinal)]
            : [];

    private static string Field(string? text) =>
        text is null ? "" : text.AsSpan().IndexOfAny(",\"\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
