using System.Globalization;
using Analytics.Jobs.Operations;
using Analytics.Warehouse.Vocabulary;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;
using Hangfire.Storage.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using RazorSlices;

namespace Analytics.Jobs.Web;

/// <summary>The Jobs page's model (<c>Slices/Jobs.cshtml</c>): one row per job, the recent runs, and what the note under the table says.</summary>
public sealed record JobsView(IReadOnlyList<JobRow> Jobs, IReadOnlyList<RunRow> Recent, string TimeZone, double FirstDelaySeconds, int Attempts, bool Admin);

/// <summary>One job's row: its configured cron (null when it follows another job or has none), next run, last run, and progress here.</summary>
public sealed record JobRow(string Name, string? Cron, DateTimeOffset? Next, RunRow? Last, bool Paused, (int Done, int Total)? Progress)
{
    public bool Scheduled => Cron is not null;
}

/// <summary>One run of a service job as Hangfire keeps it: its state, times, summary, error and node.</summary>
public sealed record RunRow(string Job, string Id, string State, DateTime? At, double? Seconds, JobOutcome? Outcome, string? Error, string? Server, string? Reason);

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


    private static RazorSlice<JobsView> List(HttpContext http, JobStorage storage, JobControl control, JobProgress progress, ServiceSettings settings)
    {
        var runs = Runs(storage);
        var paused = control.Paused();
        Dictionary<string, RecurringJobDto> recurring;
        using (var connection = storage.GetConnection())
            recurring = connection.GetRecurringJobs().ToDictionary(r => r.Id, StringComparer.Ordinal);
        var jobs = new List<JobRow>();
        foreach (var name in ServiceJobs.All)
        {
            var last = runs.FirstOrDefault(r => r.Job == name);
            if (last is { State: "Failed" } failed) last = failed with { Seconds = FailedDuration(storage, failed.Id) };
            var isPaused = paused.Contains(name);
            var cron = Cron(settings, name);
            DateTimeOffset? next = !isPaused && cron is not null && recurring.TryGetValue(name, out var r) && r.NextExecution is { } n ? new DateTimeOffset(n, TimeSpan.Zero) : null;
            // The buttons are shown to everyone; acting needs a login (a visitor is sent to the sign-in page).
            jobs.Add(new JobRow(name, cron, next, last, isPaused, progress.Of(name)));
        }
        return Slices.Jobs.Create(new JobsView(jobs, [.. runs.Take(50)], settings.TimeZone, settings.Retry.FirstDelaySeconds, settings.Retry.Attempts, http.User.IsInRole(UserStore.AdminRole)));
    }

    /// <summary>The schedule in words: the cron (paused or not), or what the job follows.</summary>
    public static string Schedule(HttpContext http, JobRow job) => job.Cron is { } cron
        ? job.Paused ? $"{cron} ({PageRequest.T(http, "tạm dừng", "paused")})" : cron
        : ServiceJobs.Previous(job.Name) is { } after
            ? PageRequest.T(http, $"sau khi «{ServiceJobs.Label(after).Vi}» có dữ liệu mới", $"after \"{ServiceJobs.Label(after).En}\" brings something new")
            : PageRequest.T(http, "chỉ khi chạy ngay", "only when run now");

    /// <summary>A run's duration in the page's number format, to the millisecond: 0,125 giây / 0.125 s.</summary>
    public static string? Seconds(bool english, double? seconds) => seconds is { } s
        ? Languages.From(english).Number(s, 3) + Formats.Space + Languages.From(english).Pick("giây", "s")
        : null;

    /// <summary>For a run of the chain that failed for good: that the steps after it did not run, and how to continue.</summary>
    public static string? ChainStopped(HttpContext http, RunRow run)
    {
        if (run.State != "Failed" || ServiceJobs.Next(run.Job) is not { } next) return null;
        var after = new List<string>();
        for (var job = next; job is not null; job = ServiceJobs.Next(job)) after.Add(job);
        return PageRequest.T(http,
            $"Chuỗi dừng ở đây: {string.Join(", ", after.Select(j => $"«{ServiceJobs.Label(j).Vi}»"))} không chạy sau lần này. Chạy lại lần lỗi này để tiếp tục.",
            $"The chain stopped here: {string.Join(", ", after.Select(j => $"\"{ServiceJobs.Label(j).En}\""))} did not run after it. Run this failed run again to continue.");
    }

    public static string StateWords(HttpContext http, RunRow run) => run.State switch
    {
        "Succeeded" => PageRequest.T(http, "thành công", "succeeded"),
        "Failed" => PageRequest.T(http, "lỗi", "failed"),
        "Processing" => PageRequest.T(http, "đang chạy", "running"),
        "Enqueued" => PageRequest.T(http, "đang chờ chạy", "queued"),
        "Awaiting" => PageRequest.T(http, "chờ bước trước", "waiting for the step before"),
        "Deleted" => PageRequest.T(http, "đã huỷ", "cancelled"),
        "Scheduled" when run.Reason?.StartsWith("Retry", StringComparison.Ordinal) == true => PageRequest.T(http, "lỗi, sẽ thử lại", "failed, will retry"),
        "Scheduled" => PageRequest.T(http, "chờ kho dữ liệu rảnh", "waiting for the warehouse"),
        _ => run.State,
    };

    public static string Css(string state) => state switch
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

    public static DateTimeOffset? Utc(DateTime? at) => at is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

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
