using System.Globalization;
using Analytics.Jobs.Operations;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Analytics.Jobs.Web;

/// <summary>
/// The Jobs page for unit officers, read from Hangfire's monitoring API: each job's schedule, next and
/// last run, duration, result in words, the error; run now, pause and resume, and run again a run that
/// failed for good (which also continues the chain it stopped). Hangfire's own Dashboard (/hangfire) is
/// for administrators; this page says the same in the users' words.
/// </summary>
public static class JobsPages
{
    /// <summary>How many of the most recent runs of each kind (succeeded, failed, …) the page reads.</summary>
    private const int Recent = 200;

    public static IEndpointRouteBuilder MapJobsPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/jobs", List);
        var actions = app.MapGroup("/jobs").RequireAuthorization();
        actions.MapPost("/{name}/run", Run);
        actions.MapPost("/{name}/pause", Pause);
        actions.MapPost("/{name}/resume", Resume);
        actions.MapPost("/runs/{id}/requeue", Requeue);
        return app;
    }

    /// <summary>One run of a service job as the page shows it.</summary>
    private sealed record RunRow(string Job, string Id, string State, DateTime? At, double? Seconds, JobOutcome? Outcome, string? Error, string? Server, string? Reason);

    private static IResult List(HttpContext http, JobStorage storage, JobControl control, JobProgress progress, ServiceSettings settings)
    {
        var en = Html.English(http);
        var runs = Runs(storage);
        var paused = control.Paused();
        Dictionary<string, RecurringJobDto> recurring;
        using (var connection = storage.GetConnection())
            recurring = connection.GetRecurringJobs().ToDictionary(r => r.Id, StringComparer.Ordinal);
        var token = Html.Antiforgery(http);

        var rows = new List<IEnumerable<object?>>();
        foreach (var name in ServiceJobs.All)
        {
            var label = ServiceJobs.Label(name);
            var last = runs.FirstOrDefault(r => r.Job == name);
            if (last is { State: "Failed" } failed) last = failed with { Seconds = FailedDuration(storage, failed.Id) };
            var isPaused = paused.Contains(name);
            var cron = Cron(settings, name);
            var schedule = cron is null
                ? ServiceJobs.Previous(name) is { } after ? Html.T(http, $"sau khi «{ServiceJobs.Label(after).Vi}» có dữ liệu mới", $"after \"{ServiceJobs.Label(after).En}\" brings something new") : Html.T(http, "chỉ khi chạy ngay", "only when run now")
                : isPaused ? $"{cron} ({Html.T(http, "tạm dừng", "paused")})" : cron;
            DateTimeOffset? next = !isPaused && recurring.TryGetValue(name, out var r) && r.NextExecution is { } n && cron is not null ? new DateTimeOffset(n, TimeSpan.Zero) : null;
            // Shown to everyone; acting needs a login (a visitor is sent to the sign-in page).
            var buttons = Buttons(http, token, name, cron is not null, isPaused, last);
            rows.Add([
                en ? label.En : label.Vi,
                schedule,
                Html.Time(http, next, seconds: false),
                Html.Time(http, Utc(last?.At)),
                last?.Seconds is { } s ? $"{s.ToString("0.###", CultureInfo.InvariantCulture)} s" : null,
                new RawHtml(last is null ? "" : Result(http, last, progress.Of(name))),
                last?.Error,
                new RawHtml(buttons),
            ]);
        }
        var table = Html.Table(en
            ? ["Job", "Schedule", "Next run", "Last run", "Duration", "Result", "Error", ""]
            : ["Tác vụ", "Lịch", "Lần chạy tới", "Lần chạy trước", "Thời gian", "Kết quả", "Lỗi", ""], rows, "jobs");

        var history = runs.Take(50).Select(run => (IEnumerable<object?>)[
            en ? ServiceJobs.Label(run.Job).En : ServiceJobs.Label(run.Job).Vi,
            Html.Time(http, Utc(run.At)),
            run.Seconds is { } s ? $"{s.ToString("0.###", CultureInfo.InvariantCulture)} s" : null,
            new RawHtml($"<span class=\"{Css(run.State)}\">{Html.E(StateWords(http, run))}</span>"),
            run.Outcome?.In(en),
            run.Error,
            run.Server,
            run.Id]);
        var historyTable = Html.Table(en
            ? ["Job", "At", "Duration", "Result", "Summary", "Error", "Node", "Run"]
            : ["Tác vụ", "Lúc", "Thời gian", "Kết quả", "Tóm tắt", "Lỗi", "Nút", "Lần chạy"], history, "history");

        var notes = $"""
            <p>{Html.T(http,
                $"Giờ theo múi giờ {settings.TimeZone}. Lịch viết theo cú pháp cron (giây phút giờ ngày tháng thứ). Một lần chạy lỗi được thử lại tự động sau {settings.Retry.FirstDelaySeconds:0.#} giây, rồi gấp đôi, tối đa {settings.Retry.Attempts} lần; sau đó nó giữ lỗi cho đến khi được chạy lại. Một lần chạy bị lỡ khi dịch vụ tắt được chạy bù một lần khi dịch vụ bật lại.",
                $"Times in {settings.TimeZone}. Schedules are cron expressions (seconds minutes hours day month weekday). A failed run is retried automatically after {settings.Retry.FirstDelaySeconds:0.#} s, then twice as long, up to {settings.Retry.Attempts} runs; then it keeps its error until it is run again. A run missed while the service was down runs once when it is back.")}</p>
            """;
        var dashboard = http.User.IsInRole(UserStore.AdminRole)
            ? $"<p><a id=\"dashboard-link\" href=\"/hangfire\">{Html.T(http, "Bảng điều khiển Hangfire (quản trị viên)", "Hangfire Dashboard (administrators)")}</a></p>"
            : "";
        return Html.Page(http, "Tác vụ", "Jobs", table + notes + dashboard + $"<h2>{Html.T(http, "Các lần chạy gần đây", "Recent runs")}</h2>" + historyTable);
    }

    private static string Buttons(HttpContext http, string token, string name, bool scheduled, bool paused, RunRow? last)
    {
        var html = $"""<form method="post" action="/jobs/{name}/run" style="display:inline">{token}<button id="run-{name}">{Html.T(http, "Chạy ngay", "Run now")}</button></form>""";
        if (scheduled)
        {
            var (action, vi, en) = paused ? ("resume", "Tiếp tục", "Resume") : ("pause", "Tạm dừng", "Pause");
            html += $"""<form method="post" action="/jobs/{name}/{action}" style="display:inline">{token}<button id="{action}-{name}">{Html.T(http, vi, en)}</button></form>""";
        }
        if (last is { State: "Failed" })
            html += $"""<form method="post" action="/jobs/runs/{Html.E(last.Id)}/requeue" style="display:inline">{token}<button id="requeue-{name}">{Html.T(http, "Chạy lại lần lỗi này", "Run this failed run again")}</button></form>""";
        return html;
    }

    /// <summary>The result in words; for a run that failed for good in the chain, that the steps after it did not run.</summary>
    private static string Result(HttpContext http, RunRow run, (int Done, int Total)? running)
    {
        var words = $"<span class=\"{Css(run.State)}\" id=\"result-{run.Job}\">{Html.E(StateWords(http, run))}</span>";
        if (run.State == "Processing" && running is { } p) words += $" {p.Done:N0}/{p.Total:N0}";
        if (run.Outcome is { } outcome) words += " " + Html.E(outcome.In(Html.English(http)));
        if (run.State == "Failed" && ServiceJobs.Next(run.Job) is { } next)
        {
            var after = new List<string>();
            for (var job = next; job is not null; job = ServiceJobs.Next(job)) after.Add(job);
            var vi = string.Join(", ", after.Select(j => $"«{ServiceJobs.Label(j).Vi}»"));
            var en = string.Join(", ", after.Select(j => $"\"{ServiceJobs.Label(j).En}\""));
            words += $"<br><span class=\"chain-stopped\" id=\"chain-{run.Job}\">{Html.E(Html.T(http,
                $"Chuỗi dừng ở đây: {vi} không chạy sau lần này. Chạy lại lần lỗi này để tiếp tục.",
                $"The chain stopped here: {en} did not run after it. Run this failed run again to continue."))}</span>";
        }
        return words;
    }

    private static string StateWords(HttpContext http, RunRow run) => run.State switch
    {
        "Succeeded" => Html.T(http, "thành công", "succeeded"),
        "Failed" => Html.T(http, "lỗi", "failed"),
        "Processing" => Html.T(http, "đang chạy", "running"),
        "Enqueued" => Html.T(http, "đang chờ chạy", "queued"),
        "Awaiting" => Html.T(http, "chờ bước trước", "waiting for the step before"),
        "Deleted" => Html.T(http, "đã huỷ", "cancelled"),
        "Scheduled" when run.Reason?.StartsWith("Retry", StringComparison.Ordinal) == true => Html.T(http, "lỗi, sẽ thử lại", "failed, will retry"),
        "Scheduled" => Html.T(http, "chờ kho dữ liệu rảnh", "waiting for the warehouse"),
        _ => run.State,
    };

    private static string Css(string state) => state switch
    {
        "Succeeded" => "ok",
        "Failed" => "failed",
        "Processing" => "running",
        "Scheduled" => "retrying",
        _ => state.ToLowerInvariant(),
    };

    /// <summary>The configured cron of a job with a schedule of its own, or null (refresh and publish follow ingest; an empty cron is off).</summary>
    private static string? Cron(ServiceSettings settings, string name) => name switch
    {
        ServiceJobs.Ingest => settings.Schedules.Ingest,
        ServiceJobs.Reminders => settings.Schedules.Reminders,
        ServiceJobs.MonthlyReport => settings.Schedules.MonthlyReport,
        ServiceJobs.AnnualReport => settings.Schedules.AnnualReport,
        _ => null,
    } is { Length: > 0 } cron && !string.IsNullOrWhiteSpace(cron) ? cron.Trim() : null;

    /// <summary>The service's runs Hangfire still keeps, newest first: running, waiting, retrying, succeeded, failed, cancelled.</summary>
    private static List<RunRow> Runs(JobStorage storage)
    {
        var monitoring = storage.GetMonitoringApi();
        var rows = new List<RunRow>();
        void Add<T>(JobList<T> list, Func<T, Hangfire.Common.Job?> job, Func<string, string, T, RunRow> row)
        {
            foreach (var (id, dto) in list)
                if (dto is not null && ServiceJobAttribute.Of(job(dto)?.Type) is { } name) rows.Add(row(name, id, dto));
        }
        Add(monitoring.ProcessingJobs(0, Recent), d => d.Job, (n, id, d) => new RunRow(n, id, "Processing", d.StartedAt, null, null, null, d.ServerId, null));
        Add(monitoring.ScheduledJobs(0, Recent), d => d.Job, (n, id, d) => new RunRow(n, id, "Scheduled", d.ScheduledAt, null, null, null, null, Reason(storage, id)));
        foreach (var queue in monitoring.Queues().Select(q => q.Name))
            Add(monitoring.EnqueuedJobs(queue, 0, Recent), d => d.Job, (n, id, d) => new RunRow(n, id, "Enqueued", d.EnqueuedAt, null, null, null, null, null));
        Add(monitoring.SucceededJobs(0, Recent), d => d.Job, (n, id, d) => new RunRow(n, id, "Succeeded", d.SucceededAt,
            Milliseconds(Value(d.StateData, "PerformanceDuration")) ?? d.TotalDuration / 1000.0, Outcome(d.Result), null, null, null));
        Add(monitoring.FailedJobs(0, Recent), d => d.Job, (n, id, d) => new RunRow(n, id, "Failed", d.FailedAt, null, null,
            $"{d.ExceptionType?[(d.ExceptionType.LastIndexOf('.') + 1)..]}: {d.ExceptionMessage}", null, null));
        Add(monitoring.DeletedJobs(0, 50), d => d.Job, (n, id, d) => new RunRow(n, id, "Deleted", d.DeletedAt, null, null, null, null, null));
        return [.. rows.OrderByDescending(r => r.At ?? DateTime.MaxValue)];
    }

    /// <summary>Why a run waits on the schedule: a retry after a failure, or the warehouse's writer busy.</summary>
    private static string? Reason(JobStorage storage, string id)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(id)?.Reason;
    }

    private static double? Milliseconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) ? ms / 1000 : null;

    /// <summary>How long a failed run ran: from its last start to its failure.</summary>
    private static double? FailedDuration(JobStorage storage, string id)
    {
        var history = storage.GetMonitoringApi().JobDetails(id)?.History;
        if (history is null) return null;
        var failed = history.FirstOrDefault(h => h.StateName == "Failed");
        var started = history.FirstOrDefault(h => h.StateName == "Processing" && failed is not null && h.CreatedAt <= failed.CreatedAt);
        return failed is not null && started is not null ? (failed.CreatedAt - started.CreatedAt).TotalSeconds : null;
    }

    /// <summary>The job's return value as Hangfire keeps it (JSON).</summary>
    private static JobOutcome? Outcome(object? result)
    {
        if (result is not string { Length: > 0 } json) return null;
        try
        {
            return SerializationHelper.Deserialize<JobOutcome>(json, SerializationOption.User);
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidOperationException)
        {
            // A result written by another version of the job: shown without its summary.
            return null;
        }
    }

    private static DateTimeOffset? Utc(DateTime? at) => at is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

    private static IResult Run(string name, JobControl control)
    {
        if (!ServiceJobs.All.Contains(name)) return TypedResults.NotFound();
        control.RunNow(name);
        return TypedResults.Redirect("/jobs");
    }

    private static IResult Pause(string name, JobControl control)
    {
        if (!ServiceJobs.All.Contains(name)) return TypedResults.NotFound();
        control.Pause(name);
        return TypedResults.Redirect("/jobs");
    }

    private static IResult Resume(string name, JobControl control)
    {
        if (!ServiceJobs.All.Contains(name)) return TypedResults.NotFound();
        control.Resume(name);
        return TypedResults.Redirect("/jobs");
    }

    /// <summary>Runs a failed run again as it was (same id); when it succeeds, the chain continues from it.</summary>
    private static IResult Requeue(string id, JobStorage storage, IBackgroundJobClient jobs)
    {
        using (var connection = storage.GetConnection())
        {
            var job = connection.GetJobData(id);
            if (job is null || ServiceJobAttribute.Of(job.Job?.Type) is null || job.State != "Failed") return TypedResults.NotFound();
        }
        jobs.Requeue(id);
        return TypedResults.Redirect("/jobs");
    }

    private static string? Value(IDictionary<string, string>? data, string key) => data is not null && data.TryGetValue(key, out var value) ? value : null;
}
