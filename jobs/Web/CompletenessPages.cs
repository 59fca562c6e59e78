using Analytics.Jobs.Operations;
using System.Globalization;
using Analytics.Jobs.Cli;
using Analytics.Reports.Charts;
using Analytics.Warehouse.Completeness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Analytics.Jobs.Web;

/// <summary>Who reported for a period, unit by unit, drilling down the hierarchy; and the reminder files.</summary>
public static class CompletenessPages
{
    public static IEndpointRouteBuilder MapCompletenessPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/completeness", Show);
        app.MapGet("/reminders/{period}", (string period, ServiceSettings s) =>
        {
            var path = Path.Combine(s.RemindersDirectory, Path.GetFileName(period) + ".csv");
            return File.Exists(path) ? Results.File(Path.GetFullPath(path), "text/csv; charset=utf-8", Path.GetFileName(path)) : Results.NotFound();
        });
        return app;
    }

    private static IResult Show(HttpContext http, ServiceSettings settings, TimeProvider clock, string? period, string? unit)
    {
        var en = Html.English(http);
        var reminders = string.Join(" ", Reminders.Files(settings).Select(f => $"<a class=\"reminder\" href=\"/reminders/{Uri.EscapeDataString(f.Period)}\">{Html.E(f.Period)}</a>"));
        var head = $"""
            <form method="get" action="/completeness"><label>{Html.T(http, "Kỳ", "Period")} <input name="period" id="period" value="{Html.E(period)}" placeholder="2024-Q3"></label>
            <label>{Html.T(http, "Đơn vị", "Unit")} <input name="unit" id="unit" value="{Html.E(unit)}"></label> <button>{Html.T(http, "Xem", "Show")}</button></form>
            <p>{Html.T(http, "Danh sách nhắc nhở (muộn, chưa nộp)", "Reminder lists (late, missing)")}: {(reminders.Length == 0 ? "—" : reminders)}</p>
            """;
        using var database = SnapshotReader.Open(settings);
        if (database is null || string.IsNullOrWhiteSpace(period))
            return Html.Page(http, "Tình hình nộp báo cáo", "Completeness", head + (database is null ? $"<p>{Html.T(http, "Chưa có bản sao công bố.", "Nothing published yet.")}</p>" : ""));
        using var connection = database.Connect();
        CompletenessReport.Result result;
        try
        {
            result = CompletenessCheck.Compute(connection, period.Trim(), clock.GetUtcNow().UtcDateTime, string.IsNullOrWhiteSpace(unit) ? null : unit.Trim());
        }
        catch (Analytics.Warehouse.Metrics.UnknownNameException e)
        {
            return Html.Page(http, "Tình hình nộp báo cáo", "Completeness", head + $"<p class=\"error\" id=\"unknown-unit\">{Html.E(e.In(en))}</p>", StatusCodes.Status400BadRequest);
        }
        var units = Html.Table(en ? ["Unit", "Name", "Expected", "Received", "On time", "Late", "Missing", "Received %"] : ["Đơn vị", "Tên", "Phải nộp", "Đã nộp", "Đúng hạn", "Muộn", "Chưa nộp", "% đã nộp"],
            result.Units.Select(u => (IEnumerable<object?>)[
                new RawHtml($"<a href=\"/completeness?period={Uri.EscapeDataString(period)}&unit={Uri.EscapeDataString(u.UnitCode)}\">{Html.E(u.UnitCode)}</a>"),
                u.Name, u.Expected, u.Received, u.OnTime, u.Late, u.Missing, u.ReceivedShare.ToString("P1", en ? System.Globalization.CultureInfo.InvariantCulture : System.Globalization.CultureInfo.GetCultureInfo("vi-VN"))]), "units");
        var late = Html.Table(en ? ["Unit", "Name", "Parent", "Status", "Received", "Refused"] : ["Đơn vị", "Tên", "Cấp trên", "Tình trạng", "Nộp lúc", "Bị từ chối"],
            result.LateOrMissing.Take(500).Select(u => (IEnumerable<object?>)[u.UnitCode, u.Name, u.ParentCode, new RawHtml($"<span class=\"{u.Status}\">{Html.E(u.Status)}</span>"), u.ReceivedAt, u.RefusedCount]), "late");
        return Html.Page(http, "Tình hình nộp báo cáo", "Completeness", head
            + $"<p>{Html.T(http, "Hạn nộp", "Deadline")}: {Html.E(result.Deadline)}</p>"
            + $"<p id=\"reporters\">{Html.T(http, "Đơn vị phải nộp", "Expected to report")}: {Html.E(ReporterWords.Who(result.Reporters, en))}</p>"
            + Chart(result, en) + units
            + $"<h2>{Html.E(ReporterWords.LateOrMissingHeading(result.Reporters, en))}</h2>" + late);
    }

    /// <summary>
    /// On time, late and missing reporters as shares of those expected, one bar per unit of the table
    /// (the reports' stacked bar chart, drawn on the server, inline SVG); empty when no unit expects any.
    /// </summary>
    public static string Chart(CompletenessReport.Result result, bool english)
    {
        var units = result.Units.Where(u => u.Expected > 0).Take(60).ToList();
        if (units.Count == 0) return "";
        string[] parts = english ? ["On time", "Late", "Missing"] : ["Đúng hạn", "Muộn", "Chưa nộp"];
        // Names can repeat across levels; the code keeps each bar its own.
        var values = units.SelectMany(u => new[]
        {
            new StackedValue($"{u.UnitCode} {u.Name}", parts[0], u.OnTime),
            new StackedValue($"{u.UnitCode} {u.Name}", parts[1], u.Late),
            new StackedValue($"{u.UnitCode} {u.Name}", parts[2], u.Missing),
        }).ToList();
        var chart = ReportCharts.StackedBars(
            new ChartText(english ? $"Reports received, {result.PeriodCode}" : $"Tình hình nộp báo cáo kỳ {result.PeriodCode}",
                english ? "published snapshot" : "bản sao đã công bố",
                result.PeriodCode + (result.Deadline is { } d ? (english ? ", deadline " : ", hạn nộp ") + d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "")),
            values, parts, english ? ChartLanguage.En : ChartLanguage.Vi, new ChartSize(960, Math.Max(540, 200 + (units.Count * 40))));
        var svg = chart.RenderSvg();
        return $"""<div id="chart" data-rendered="yes">{svg[svg.IndexOf("<svg", StringComparison.Ordinal)..]}</div>""";
    }
}
