using Analytics.Jobs.Operations;
using System.Globalization;
using System.Text;
using Analytics.Reports.Charts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Analytics.Jobs.Web;

/// <summary>
/// Read-only SQL over the published snapshot: a table, CSV and Arrow IPC downloads and a quick bar chart. The
/// connection is read-only with external access off (no writes, ATTACH, COPY TO or file reads);
/// a query is interrupted after the time limit and cut at the row limit.
/// </summary>
public static class SqlPages
{
    public static IEndpointRouteBuilder MapSqlPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sql", (HttpContext http) => Html.Page(http, "Truy vấn SQL", "SQL", Form(http, "")));
        app.MapPost("/sql", (Delegate)Query);
        app.MapGet("/sql/csv", Csv);
        app.MapGet("/sql/arrow", Arrow);
        return app;
    }

    public sealed record Answer(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, bool Truncated, string? Error);

    /// <summary>Runs <paramref name="sql"/> over the snapshot under the page's limits; errors come back as text, never as an exception.</summary>
    public static Answer Run(ServiceSettings settings, string sql, int maxRows)
    {
        if (!File.Exists(settings.SnapshotPath)) return new Answer([], [], false, NoSnapshot);
        try
        {
            var answer = AnalystQuery.Run(settings.SnapshotPath, sql, maxRows, TimeSpan.FromSeconds(settings.SqlTimeoutSeconds));
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

    private static async Task<IResult> Query(HttpContext http, ServiceSettings settings)
    {
        var form = await http.Request.ReadFormAsync();
        var sql = form["q"].ToString();
        var answer = Run(settings, sql, settings.SqlMaxRows);
        var body = new StringBuilder(Form(http, sql));
        if (answer.Error is not null)
        {
            if (IsRefusal(answer.Error))
                body.Append($"<p class=\"error\" id=\"sql-refused\"><strong>{Html.T(http, "Bị từ chối: trang SQL chỉ đọc dữ liệu, không được ghi, gắn tệp hay đọc tệp trên máy chủ.", "Refused: the SQL page only reads; it cannot write, attach files or read the server's files.")}</strong></p>");
            body.Append($"<p class=\"error\" id=\"sql-error\">{Html.E(answer.Error)}</p>");
            return Html.Page(http, "Truy vấn SQL", "SQL", body.ToString(), 400);
        }
        body.Append($"<p><a id=\"csv-link\" href=\"/sql/csv?q={Uri.EscapeDataString(sql)}\">CSV</a> · <a id=\"arrow-link\" href=\"/sql/arrow?q={Uri.EscapeDataString(sql)}\" title=\"{Html.T(http, "Tệp Arrow IPC cho pandas, polars, R", "Arrow IPC file for pandas, polars, R")}\">Arrow</a> · {answer.Rows.Count} {Html.T(http, "dòng", "rows")}{(answer.Truncated ? Html.T(http, " (đã cắt theo giới hạn)", " (cut at the limit)") : "")}</p>");
        body.Append(QuickChart(answer, Html.English(http)));
        body.Append(Html.Table(answer.Columns, answer.Rows, "sql-result"));
        return Html.Page(http, "Truy vấn SQL", "SQL", body.ToString());
    }

    private static IResult Csv(ServiceSettings settings, string q)
    {
        var answer = Run(settings, q, settings.SqlMaxRows * 100);
        if (answer.Error is not null) return Results.BadRequest(answer.Error);
        var csv = new StringBuilder(string.Join(',', answer.Columns.Select(Field))).Append('\n');
        foreach (var row in answer.Rows) csv.Append(string.Join(',', row.Select(v => Field(Format(v))))).Append('\n');
        return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "query.csv");
    }

    /// <summary>
    /// The Arrow download: written to a temporary file first (bounded memory, and an error is known
    /// before any byte is sent), then streamed and deleted when the response closes. Same row limit as the CSV.
    /// </summary>
    private static IResult Arrow(ServiceSettings settings, string q)
    {
        var temp = Path.Combine(Path.GetTempPath(), "analytics-sql-" + Guid.NewGuid().ToString("N") + ".arrow");
        string? error;
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            error = WriteArrow(settings, q, settings.SqlMaxRows * 100, file);
        if (error is not null)
        {
            File.Delete(temp);
            return Results.BadRequest(error);
        }
        var stream = new FileStream(temp, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose);
        return Results.File(stream, "application/vnd.apache.arrow.file", "query.arrow");
    }

    private static string Form(HttpContext http, string sql) => $"""
        <form method="post" action="/sql">{Html.Antiforgery(http)}<textarea name="q" id="sql" rows="6">{Html.E(sql)}</textarea>
        <p><button id="sql-run">{Html.T(http, "Chạy", "Run")}</button> {Html.T(http, "Chỉ đọc, trên bản sao đã công bố.", "Read-only, over the published snapshot.")}</p></form>
        """;

    /// <summary>
    /// A bar chart of the first numeric column by the first text column, when the result has both:
    /// the reports' ranking chart, drawn on the server and sent as inline SVG, so it looks as it
    /// does on a slide. Up to 200 rows; the chart grows taller with the rows.
    /// </summary>
    public static string QuickChart(Answer answer, bool english)
    {
        var label = Enumerable.Range(0, answer.Columns.Count).FirstOrDefault(i => answer.Rows.All(r => r[i] is string or null), -1);
        var value = Enumerable.Range(0, answer.Columns.Count).FirstOrDefault(i => answer.Rows.Count > 0 && answer.Rows.All(r => r[i] is null or int or long or double or decimal or float or short), -1);
        if (label < 0 || value < 0 || answer.Rows.Count == 0) return "";
        var rows = answer.Rows.Take(200).Where(r => r[value] is not null).ToList();
        if (rows.Count == 0) return "";
        // Sums of a DOUBLE column are often whole numbers; write them as counts (120, not 120,0).
        var whole = rows.All(r => Convert.ToDouble(r[value], CultureInfo.InvariantCulture) is var v && v == Math.Round(v));
        var chart = ReportCharts.Ranking(
            new ChartText(answer.Columns[value], english ? "SQL page" : "Trang SQL", english ? "published snapshot" : "bản sao đã công bố",
                XTitle: answer.Columns[value], YTitle: answer.Columns[label]),
            [.. rows.Select(r => new UnitValue(r[label] as string ?? "", Convert.ToDouble(r[value], CultureInfo.InvariantCulture)))],
            whole ? ValueFormat.Count : ValueFormat.Decimal,
            lang: english ? ChartLanguage.En : ChartLanguage.Vi,
            size: new ChartSize(960, Math.Max(540, 200 + (rows.Count * 22))));
        var svg = chart.RenderSvg();
        return $"""<div id="chart" data-rendered="yes">{svg[svg.IndexOf("<svg", StringComparison.Ordinal)..]}</div>""";
    }

    // The surface's refusals are recognised in one place, for this page and `analytics sql` alike.
    private static bool IsRefusal(string error) => Analytics.Warehouse.Store.AnalystSql.Refusal(error, english: true) is not null;

    private static string Format(object? v) => v switch
    {
        null => "",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\n") >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
