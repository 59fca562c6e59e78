using Analytics.Jobs.Operations;
using Analytics.Etl.Ingest;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Analytics.Jobs.Web;

/// <summary>Upload a submission file (it goes through the inbox and the ingest job), see each file's result, quarantine, feedback workbooks.</summary>
public static class SubmissionsPages
{
    public static IEndpointRouteBuilder MapSubmissionsPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/submissions", List);
        app.MapGet("/submissions/{id}", Show);
        app.MapPost("/submissions", (Delegate)Upload).RequireAuthorization();
        app.MapGet("/feedback/{name}", (string name, ServiceSettings s) => Download(s.FeedbackDirectory, name));
        app.MapGet("/quarantine/{name}", (string name, ServiceSettings s) => Download(s.QuarantineDirectory, name));
        return app;
    }

    private static IResult List(HttpContext http, ServiceSettings settings)
    {
        var results = InboxIngest.All(settings).Take(200).Select(r => (IEnumerable<object?>)[
            new RawHtml($"<a href=\"/submissions/{r.Id}\">{Html.E(r.File)}</a>"), Html.Time(http, r.ProcessedAt),
            new RawHtml($"<span class=\"{r.Status}\">{Html.E(Word(http, r.Status))}</span>"), r.Submissions.Count]);
        var quarantine = Directory.Exists(settings.QuarantineDirectory)
            ? Directory.EnumerateFiles(settings.QuarantineDirectory).Where(f => !f.EndsWith(".txt", StringComparison.Ordinal)).Order()
                .Select(f => (IEnumerable<object?>)[new RawHtml($"<a href=\"/quarantine/{Uri.EscapeDataString(Path.GetFileName(f))}\">{Html.E(Path.GetFileName(f))}</a>"),
                    File.Exists(f + ".txt") ? string.Join(" | ", File.ReadLines(f + ".txt").Take(3)) : ""])
            : [];
        var body = $"""
            <form method="post" action="/submissions" enctype="multipart/form-data">{Html.Antiforgery(http)}
            <p>{Html.T(http, "Tải lên tệp báo cáo (mẫu xlsx, CSV, xlsx, JSON):", "Upload a submission file (template, CSV, xlsx, JSON):")}
            <input type="file" name="file" id="upload-file"> <button id="upload-submit">{Html.T(http, "Tải lên", "Upload")}</button></p></form>
            <h2>{Html.T(http, "Các tệp đã xử lý", "Files processed")}</h2>
            {Html.Table(Html.English(http) ? ["File", "Processed", "Result", "Submissions"] : ["Tệp", "Xử lý lúc", "Kết quả", "Số báo cáo"], results, "submissions")}
            <h2>{Html.T(http, "Cách ly", "Quarantine")}</h2>
            {Html.Table(Html.English(http) ? ["File", "Messages"] : ["Tệp", "Thông báo"], quarantine, "quarantine")}
            """;
        return Html.Page(http, "Nộp báo cáo", "Submissions", body);
    }

    private static IResult Show(HttpContext http, string id, ServiceSettings settings)
    {
        if (InboxIngest.Load(settings, id) is not { } r) return Html.Page(http, "Không thấy", "Not found", "", 404);
        var en = Html.English(http);
        var parts = new List<string> { $"<p>{Html.E(r.File)}: <strong id=\"file-status\" class=\"{r.Status}\">{Html.E(Word(http, r.Status))}</strong></p>" };
        if (r.FileError is not null) parts.Add($"<p class=\"error\" id=\"file-error\">{Html.E(r.FileError)}</p>");
        foreach (var s in r.Submissions)
        {
            parts.Add($"<h3>{Html.E(s.Unit)} {Html.E(s.Period)}: <span class=\"{s.Status}\">{Html.E(Word(http, s.Status))}</span>{(s.Version is { } v ? $" (v{v})" : "")}</h3>");
            parts.Add(Html.Table(en ? ["Rule", "Severity", "Indicator", "Row", "Cell", "Message"] : ["Quy tắc", "Mức", "Chỉ tiêu", "Dòng", "Ô", "Nội dung"],
                s.Messages.Select(m => (IEnumerable<object?>)[m.Rule, new RawHtml($"<span class=\"{m.Severity}\">{Html.E(Word(http, m.Severity))}</span>"), m.Indicator, m.Row, m.Cell, en ? m.En : m.Vi]), "messages"));
        }
        foreach (var f in r.Feedback)
            parts.Add($"<p><a id=\"feedback-link\" href=\"/feedback/{Uri.EscapeDataString(f)}\">{Html.T(http, "Tải tệp phản hồi", "Download the feedback workbook")}: {Html.E(f)}</a></p>");
        return Html.Page(http, "Kết quả nộp báo cáo", "Submission result", string.Join("\n", parts));
    }

    private static async Task<IResult> Upload(HttpContext http, ServiceSettings settings, JobControl jobs, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var file = form.Files["file"];
        var name = file is null ? "" : Path.GetFileName(file.FileName);
        if (file is null || file.Length == 0 || !Ingestor.IsSubmissionFile(name))
            return Html.Page(http, "Tải lên", "Upload", $"<p class=\"error\" id=\"upload-error\">{Html.T(http, "Hãy chọn một tệp .xlsx, .csv hoặc .json.", "Choose an .xlsx, .csv or .json file.")}</p>", 400);

        // Written under a dot name and renamed when whole, so the ingest job never reads half a file.
        Directory.CreateDirectory(settings.Inbox);
        var temp = Path.Combine(settings.Inbox, $".upload-{Guid.NewGuid():N}");
        byte[] bytes;
        await using (var stream = File.Create(temp))
        {
            await file.CopyToAsync(stream, cancellationToken);
        }
        bytes = await File.ReadAllBytesAsync(temp, cancellationToken);
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..12];
        File.Move(temp, Path.Combine(settings.Inbox, name), overwrite: true);

        jobs.RunNow(ServiceJobs.Ingest);
        // Wait (bounded) for the ingest run that picks the file up, then show its result.
        for (var i = 0; i < 300 && InboxIngest.Load(settings, id) is null; i++)
            await Task.Delay(100, cancellationToken);
        return Results.Redirect($"/submissions/{id}");
    }

    /// <summary>What people read for a status or severity kept in English in the result files (the page's class names stay those codes).</summary>
    internal static string Word(HttpContext http, string code) => code switch
    {
        SubmissionResult.Accepted => Html.T(http, "đã nhận", "accepted"),
        SubmissionResult.Refused => Html.T(http, "bị từ chối", "refused"),
        SubmissionResult.Partly => Html.T(http, "nhận một phần", "partly accepted"),
        SubmissionResult.SeenBefore => Html.T(http, "đã nạp trước đó", "loaded before"),
        SubmissionOutcome.Unchanged => Html.T(http, "không đổi", "unchanged"),
        "error" => Html.T(http, "lỗi", "error"),
        "warning" => Html.T(http, "cảnh báo", "warning"),
        _ => code,
    };

    private static IResult Download(string folder, string name)
    {
        var path = Path.Combine(folder, Path.GetFileName(name));
        return File.Exists(path) ? Results.File(Path.GetFullPath(path), "application/octet-stream", Path.GetFileName(path)) : Results.NotFound();
    }
}
