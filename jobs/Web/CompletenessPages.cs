using System.Globalization;
using Analytics.Jobs.Operations;
using Analytics.Jobs.Web.Slices;
using Analytics.Reports.Charts;
using Analytics.Warehouse.Completeness;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RazorSlices;

namespace Analytics.Jobs.Web;

/// <summary>
/// The completeness page's model: the form's values, the periods with a reminder list, whether a snapshot is
/// published, and the period's result with its chart (or the refusal of an unknown unit).
/// </summary>
public sealed record CompletenessView(string? Period, string? Unit, IReadOnlyList<string> Reminders, bool Published,
    CompletenessReport.Result? Result, TrustedSvg? Chart, string? Error);

/// <summary>Who reported for a period, unit by unit, drilling down the hierarchy; and the reminder files.</summary>
public static class CompletenessPages
{
    public static IEndpointRouteBuilder MapCompletenessPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/completeness", Show);
        app.MapGet("/reminders/{period}", Results<PhysicalFileHttpResult, NotFound> (string period, ServiceSettings s) =>
        {
            var path = Path.Combine(s.RemindersDirectory, Path.GetFileName(period) + ".csv");
            return File.Exists(path) ? TypedResults.PhysicalFile(Path.GetFullPath(path), "text/csv; charset=utf-8", Path.GetFileName(path)) : TypedResults.NotFound();
        });
        return app;
    }

    private static RazorSlice<CompletenessView> Show(HttpContext http, ServiceSettings settings, TimeProvider clock, string? period, string? unit)
    {
        var en = PageRequest.English(http);
        var view = new CompletenessView(period, unit, [.. Reminders.Files(settings).Select(f => f.Period)], true, null, null, null);
        using var database = SnapshotReader.Open(settings);
        if (database is null) return Completeness.Create(view with { Published = false });
        if (string.IsNullOrWhiteSpace(period)) return Completeness.Create(view);
        using var connection = database.Connect();
        try
        {
            var result = CompletenessCheck.Compute(connection, period.Trim(), clock.GetUtcNow().UtcDateTime, string.IsNullOrWhiteSpace(unit) ? null : unit.Trim());
            return Completeness.Create(view with { Result = result, Chart = Chart(result, en) });
        }
        catch (Analytics.Warehouse.Vocabulary.UnknownNameException e)
        {
            var page = Completeness.Create(view with { Error = e.In(en) });
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
    }

    /// <summary>
    /// On time, late and missing reporters as shares of those expected, one bar per unit of the table
    /// (the reports' stacked bar chart, drawn on the server, inline SVG); null when no unit expects any.
    /// </summary>
    public static TrustedSvg? Chart(CompletenessReport.Result result, bool english)
    {
        ArgumentNullException.ThrowIfNull(result);
        var units = result.Units.Where(u => u.Expected > 0).Take(60).ToList();
        if (units.Count == 0) return null;
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
        return TrustedSvg.Of(chart);
    }
}
