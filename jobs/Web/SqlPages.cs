using Analytics.Jobs.Operations;
using System.Globalization;
using System.Text;
using Analytics.Jobs.Web.Slices;
using Analytics.Reports.Charts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RazorSlices;

namespace Analytics.Jobs.Web;

/// <summary>
/// The SQL page's model: the query as typed, its answer (null before one is run), the quick chart, and
/// whether the error is the read-only surface refusing a write or a file access.
/// </summary>
public sealed record SqlView(string Sql, SqlPages.Answer? Answer, TrustedSvg? Chart, bool Refused);

/// <summary>
/// Read-only SQL over the published snapshot: a table, CSV and Arrow IPC downloads and a quick bar chart. The
/// connection is read-only with external access off (no writes, ATTACH, COPY TO or file reads);
/// a query is interrupted after the time limit and cut at the row limit.
/// </summary>
public static class SqlPages
{
    public static IEndpointRouteBuilder MapSqlPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sql", () => Sql.Create(new SqlView("", null, null, false)));
        app.MapPost("/sql", (Delegate)Query);
        app.MapGet("/sql/csv", Csv);
        app.MapGet("/sql/arrow", Arrow);
        return app;
    }

    public sealed record Answer(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, bool Truncated, string? Error);

    /// <summary>Runs <paramref name="sql"/> over the snapshot under the page's limits; errors come back as text, never as an exception.</summary>
    public static Answer Run(ServiceSettings settings, string sql, int maxRows, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(settings.SnapshotPath)) return new Answer([], [], false, NoSnapshot);
        try
        {
            var answer = AnalystQuery.Run(settings.SnapshotPath, sql, maxRows, TimeSpan.FromSeconds(settings.SqlTimeoutSeconds), cancellationToken);
            return new Answer(answer.Columns, answer.Rows, answer.Truncated, null);
        }
        catch (AnalystQuery.QueryTimedOutException)
        {
            return new Answer([], [], false, Interrupted(settings));
        }
        catch (System.Data.Common.DbException e)
        {
            return new Answer([], [], false, e.Message);
        }
    }

    /// <summary>
    /// Streams the result of <paramref name="sql"/> as an Arrow IPC file into <paramref name="output"/>,
    /// under the same read-only connection, time limit and row limit as <see cref="Run"/>. Returns the
    /// error as text (nothing usable was written then), or null.
    /// </summary>
    public static string? WriteArrow(ServiceSettings settings, string sql, int maxRows, Stream output)
    {
        if (!File.Exists(settings.SnapshotPath)) return NoSnapshot;
        try
        {
            AnalystQuery.WriteArrow(settings.SnapshotPath, sql, output, maxRows, TimeSpan.FromSeconds(settings.SqlTimeoutSeconds));
            return null;
        }
        catch (AnalystQuery.QueryTimedOutException)
        {
            return Interrupted(settings);
        }
        catch (System.Data.Common.DbException e)
        {
            return e.Message;
        }
    }

    private const string NoSnapshot = "no published snapshot yet / chưa có bản sao công bố";

    private static string Interrupted(ServiceSettings settings) =>
        $"interrupted after {settings.SqlTimeoutSeconds} s / dừng sau {settings.SqlTimeoutSeconds} giây";

    /// <summary>Runs the form's query; a browser that goes away (tab closed) interrupts it.</summary>
    private static async Task<RazorSlice<SqlView>> Query(HttpContext http, ServiceSettings settings)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var sql = form["q"].ToString();
        var answer = Run(settings, sql, settings.SqlMaxRows, http.RequestAborted);
        if (answer.Error is not null)
        {
            var refused = Sql.Create(new SqlView(sql, answer, null, IsRefusal(answer.Error)));
            refused.StatusCode = StatusCodes.Status400BadRequest;
            return refused;
        }
        return Sql.Create(new SqlView(sql, answer, QuickChart(answer, PageRequest.English(http)), false));
    }

    private static Results<FileContentHttpResult, BadRequest<string>> Csv(ServiceSettings settings, string q)
    {
        var answer = Run(settings, q, settings.SqlMaxRows * 100);
        if (answer.Error is not null) return TypedResults.BadRequest(answer.Error);
        var csv = new StringBuilder(string.Join(',', answer.Columns.Select(Field))).Append('\n');
        foreach (var row in answer.Rows) csv.Append(string.Join(',', row.Select(v => Field(Format(v))))).Append('\n');
        return TypedResults.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], "text/csv; charset=utf-8", "query.csv");
    }

    /// <summary>
    /// The Arrow download: written to a temporary file first (bounded memory, and an error is known
    /// before any byte is sent), then streamed and deleted when the response closes. Same row limit as the CSV.
    /// </summary>
    private static Results<FileStreamHttpResult, BadRequest<string>> Arrow(ServiceSettings settings, string q)
    {
        var temp = Path.Combine(Path.GetTempPath(), "analytics-sql-" + Guid.NewGuid().ToString("N") + ".arrow");
        string? error;
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            error = WriteArrow(settings, q, settings.SqlMaxRows * 100, file);
        if (error is not null)
        {
            File.Delete(temp);
            return TypedResults.BadRequest(error);
        }
        var stream = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose);
        return TypedResults.File(stream, "application/vnd.apache.arrow.file", "query.arrow");
    }

    /// <summary>
    /// A bar chart of the first numeric column by the first text column, when the result has both:
    /// the reports' ranking chart, drawn on the server and sent as inline SVG, so it looks as it
    /// does on a slide. Up to 200 rows; the chart grows taller with the rows.
    /// </summary>
    public static TrustedSvg? QuickChart(Answer answer, bool english)
    {
        var label = Enumerable.Range(0, answer.Columns.Count).FirstOrDefault(i => answer.Rows.All(r => r[i] is string or null), -1);
        var value = Enumerable.Range(0, answer.Columns.Count).FirstOrDefault(i => answer.Rows.Count > 0 && answer.Rows.All(r => r[i] is null or int or long or double or decimal or float or short), -1);
        if (label < 0 || value < 0 || answer.Rows.Count == 0) return null;
        var rows = answer.Rows.Take(200).Where(r => r[value] is not null).ToList();
        if (rows.Count == 0) return null;
        // Sums of a DOUBLE column are often whole numbers; write them as counts (120, not 120,0).
        var whole = rows.All(r => Convert.ToDouble(r[value], CultureInfo.InvariantCulture) is var v && v == Math.Round(v));
        var chart = ReportCharts.Ranking(
            new ChartText(answer.Columns[value], english ? "SQL page" : "Trang SQL", english ? "published snapshot" : "bản sao đã công bố",
                XTitle: answer.Columns[value], YTitle: answer.Columns[label]),
            [.. rows.Select(r => new UnitValue(r[label] as string ?? "", Convert.ToDouble(r[value], CultureInfo.InvariantCulture)))],
            whole ? ValueFormat.Count : ValueFormat.Decimal,
            lang: english ? ChartLanguage.En : ChartLanguage.Vi,
            size: new ChartSize(960, Math.Max(540, 200 + (rows.Count * 22))));
        return TrustedSvg.Of(chart);
    }

    // The surface's refusals are recognised in one place, for this page and `analytics sql` alike.
    private static bool IsRefusal(string error) => Analytics.Warehouse.Store.AnalystSql.Refusal(error, english: true) is not null;

    /// <summary>A cell as the CSV writes it, for machines: numbers and dates in the invariant culture (the page's table writes them for people).</summary>
    private static string Format(object? v) => v switch
    {
        null => "",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
