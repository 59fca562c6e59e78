using Analytics.Jobs.Operations;
using Analytics.Jobs.Scheduling;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Analytics.Jobs.Web;

/// <summary>The Jobs page: schedule, next and last run, result and error, run now / pause / resume, history.</summary>
public static class JobsPages
{
    private static readonly string[] Order = [JobNames.Ingest, JobNames.Refresh, JobNames.Publish, JobNames.Reminders, JobNames.MonthlyReport, JobNames.AnnualReport];

    public static IEndpointRouteBuilder MapJobsPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/jobs", List);
        app.MapPost("/jobs/{name}/run", Run).RequireAuthorization();
        app.MapPost("/jobs/{name}/pause", Pause).RequireAuthorization();
        app.MapPost("/jobs/{name}/resume", Resume).RequireAuthorization();
        return app;
    }

    private static async Task<IResult> List(HttpContext http, ISchedulerFactory factory, JobHistory history, JobProgress progress, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        var en = Html.English(http);
        var runs = history.All();
        var rows = new List<IEnumerable<object?>>();
        foreach (var name in Order)
        {
            var label = JobNames.Label(name);
            var key = JobNames.Key(name);
            var triggers = await scheduler.GetTriggersOfJob(key, cancellationToken);
            var schedule = triggers.OfType<ICronTrigger>().FirstOrDefault()?.CronExpressionString
                ?? (name == JobNames.Publish || name == JobNames.Refresh ? (en ? "after ingest" : "sau khi nạp") : "");
            var next = triggers.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
            var paused = false;
            foreach (var t in triggers) paused |= await scheduler.GetTriggerState(t.Key, cancellationToken) == TriggerState.Paused;
            var last = runs.LastOrDefault(r => r.Job == name);
            var token = Html.Antiforgery(http);
            var buttons = $"""
                <form method="post" action="/jobs/{name}/run" style="display:inline">{token}<button id="run-{name}">{Html.T(http, "Chạy ngay", "Run now")}</button></form>
                <form method="post" action="/jobs/{name}/{(paused ? "resume" : "pause")}" style="display:inline">{token}<button id="{(paused ? "resume" : "pause")}-{name}">{(paused ? Html.T(http, "Tiếp tục", "Resume") : Html.T(http, "Tạm dừng", "Pause"))}</button></form>
                """;
            rows.Add([
                en ? label.En : label.Vi,
                paused ? $"{schedule} ({Html.T(http, "tạm dừng", "paused")})" : schedule,
                Html.Time(http, next, seconds: false),
                Html.Time(http, last?.StartedAt),
                last is null ? null : $"{last.Seconds:0.###} s",
                progress.Of(name) is { } running
                    ? new RawHtml($"<span class=\"running\" id=\"result-{name}\">{Html.T(http, "đang chạy", "running")}</span> {running.Done:N0}/{running.Total:N0}")
                    : last is null ? null : new RawHtml($"<span class=\"{last.Result}\" id=\"result-{name}\">{Html.E(ResultLabel(http, last.Result))}</span> {Html.E(Summary(en, last))}"),
                last?.Error,
                new RawHtml(buttons),
            ]);
        }
        var table = Html.Table(en
            ? ["Job", "Schedule", "Next run", "Last run", "Duration", "Result", "Error", ""]
            : ["Tác vụ", "Lịch", "Lần chạy tới", "Lần chạy trước", "Thời gian", "Kết quả", "Lỗi", ""], rows, "jobs");
        var recent = runs.Reverse().Take(50).Select(r => (IEnumerable<object?>)[
            en ? JobNames.Label(r.Job).En : JobNames.Label(r.Job).Vi, Html.Time(http, r.StartedAt), Html.Time(http, r.ScheduledAt),
            $"{r.Seconds:0.###} s", new RawHtml($"<span class=\"{r.Result}\">{Html.E(ResultLabel(http, r.Result))}</span>"), r.Recovered ? $"{r.Attempt} ({Html.T(http, "chạy lại sau sự cố", "recovered")})" : r.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture), Summary(en, r), r.Error, r.Node]);
        var historyTable = Html.Table(en
            ? ["Job", "Started", "Scheduled for", "Duration", "Result", "Attempt", "Summary", "Error", "Node"]
            : ["Tác vụ", "Bắt đầu", "Theo lịch lúc", "Thời gian", "Kết quả", "Lần thử", "Tóm tắt", "Lỗi", "Nút"], recent, "history");
        var zone = http.RequestServices.GetRequiredService<ServiceSettings>().TimeZone;
        var note = $"<p>{Html.T(http, $"Giờ theo múi giờ {zone}; lịch viết theo cú pháp cron của Quartz (giây phút giờ ngày tháng thứ).", $"Times in {zone}; schedules are Quartz cron expressions (seconds minutes hours day month weekday).")}</p>";
        return Html.Page(http, "Tác vụ", "Jobs", table + note + $"<h2>{Html.T(http, "Lịch sử chạy", "Run history")}</h2>" + historyTable);
    }

    private static string ResultLabel(HttpContext http, string result)
    {
        var (vi, en) = JobRun.Label(result);
        return Html.T(http, vi, en);
    }

    /// <summary>Runs recorded before summaries were kept in English have only the Vietnamese line.</summary>
    private static string? Summary(bool english, JobRun run) => english ? run.SummaryEn ?? run.Summary : run.Summary;

    private static async Task<IResult> Run(string name, ISchedulerFactory factory, CancellationToken cancellationToken) =>
        await Act(name, factory, async (s, k) => await s.TriggerJob(k, cancellationToken), cancellationToken);

    private static async Task<IResult> Pause(string name, ISchedulerFactory factory, CancellationToken cancellationToken) =>
        await Act(name, factory, async (s, k) => await s.PauseJob(k, cancellationToken), cancellationToken);

    private static async Task<IResult> Resume(string name, ISchedulerFactory factory, CancellationToken cancellationToken) =>
        await Act(name, factory, async (s, k) => await s.ResumeJob(k, cancellationToken), cancellationToken);

    private static async Task<IResult> Act(string name, ISchedulerFactory factory, Func<IScheduler, JobKey, ValueTask> action, CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken);
        if (!Order.Contains(name) || !await scheduler.Exists(JobNames.Key(name), cancellationToken)) return Results.NotFound();
        await action(scheduler, JobNames.Key(name));
        return Results.Redirect("/jobs");
    }
}
