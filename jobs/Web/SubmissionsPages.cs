using Analytics.Etl.Ingest;
using Analytics.Jobs.Operations;
using Analytics.Jobs.Web.Slices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RazorSlices;

namespace Analytics.Jobs.Web;

/// <summary>The Submissions page's model: the latest files processed, and the files in quarantine with their first messages.</summary>
public sealed record SubmissionsList(IReadOnlyList<SubmissionResult> Results, IReadOnlyList<QuarantinedFile> Quarantine);

/// <summary>A file set aside by the ingest, and the first lines of the note written beside it.</summary>
public sealed record QuarantinedFile(string Name, string Messages);

/// <summary>A page that says one thing (<c>Slices/Message.cshtml</c>): its title, the sentence in both languages, its element id and class.</summary>
public sealed record PageMessage(Frame Title, string Id, string Class, string Vi, string En);

/// <summary>Upload a submission file (it goes through the inbox and the ingest job), see each file's result, quarantine, feedback workbooks.</summary>
public static class SubmissionsPages
{
    public static IEndpointRouteBuilder MapSubmissionsPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/submissions", List);
        app.MapGet("/submissions/{id}", Show);
        app.MapGet("/feedback/{name}", (string name, ServiceSettings s) => Download(s.FeedbackDirectory, name));
        app.MapGet("/quarantine/{name}", (string name, ServiceSettings s) => Download(s.QuarantineDirectory, name));
        // Uploading writes to the inbox: signed-in users only (others are sent to the sign-in page).
        app.MapGroup("/submissions").RequireAuthorization().MapPost("", (Delegate)Upload);
        return app;
    }

    private static RazorSlice<SubmissionsList> List(ServiceSettings settings)
    {
        var quarantine = Directory.Exists(settings.QuarantineDirectory)
            ? Directory.EnumerateFiles(settings.QuarantineDirectory).Where(f => !f.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
                .Select(f => new QuarantinedFile(Path.GetFileName(f), File.Exists(f + ".txt") ? string.Join(" | ", File.ReadLines(f + ".txt").Take(3)) : ""))
                .ToList()
            : [];
        return Submissions.Create(new SubmissionsList([.. InboxIngest.All(settings).Take(200)], quarantine));
    }

    private static RazorSlice Show(string id, ServiceSettings settings)
    {
        if (InboxIngest.Load(settings, id) is { } result) return Submission.Create(result);
        var missing = Message.Create(new PageMessage(new Frame("Không thấy", "Not found"), "not-found", "error",
            "Không có kết quả nào với mã này.", "No result has this id."));
        missing.StatusCode = StatusCodes.Status404NotFound;
        return missing;
    }

    private static async Task<Results<RedirectHttpResult, RazorSlice<PageMessage>>> Upload(
        HttpContext http, ServiceSettings settings, JobControl jobs, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var file = form.Files["file"];
        var name = file is null ? "" : Path.GetFileName(file.FileName);
        if (file is null || file.Length == 0 || !Ingestor.IsSubmissionFile(name))
        {
            var refused = Message.Create(new PageMessage(new Frame("Tải lên", "Upload"), "upload-error", "error",
                "Hãy chọn một tệp .xlsx, .csv hoặc .json.", "Choose an .xlsx, .csv or .json file."));
            refused.StatusCode = StatusCodes.Status400BadRequest;
            return refused;
        }

        // Written under a dot name and renamed when whole, so the ingest job never reads half a file.
        Directory.CreateDirectory(settings.Inbox);
        var temp = Path.Combine(settings.Inbox, $".upload-{Guid.NewGuid():N}");
        await using (var stream = File.Create(temp))
        {
            await file.CopyToAsync(stream, cancellationToken);
        }
        var bytes = await File.ReadAllBytesAsync(temp, cancellationToken);
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..12];
        File.Move(temp, Path.Combine(settings.Inbox, name), overwrite: true);

        jobs.RunNow(ServiceJobs.Ingest);
        // Wait (bounded) for the ingest run that picks the file up, then show its result.
        for (var i = 0; i < 300 && InboxIngest.Load(settings, id) is null; i++)
            await Task.Delay(100, cancellationToken);
        return TypedResults.Redirect($"/submissions/{id}");
    }

    private static Results<PhysicalFileHttpResult, NotFound> Download(string folder, string name)
    {
        var path = Path.Combine(folder, Path.GetFileName(name));
        return File.Exists(path) ? TypedResults.PhysicalFile(Path.GetFullPath(path), "application/octet-stream", Path.GetFileName(path)) : TypedResults.NotFound();
    }
}

/// <summary>What people read for a status or severity kept in English in the result files (the page's class names stay those codes).</summary>
public static class SubmissionWords
{
    public static string Of(HttpContext http, string code) => code switch
    {
        SubmissionResult.Accepted => PageRequest.T(http, "đã nhận", "accepted"),
        SubmissionResult.Refused => PageRequest.T(http, "bị từ chối", "refused"),
        SubmissionResult.Partly => PageRequest.T(http, "nhận một phần", "partly accepted"),
        SubmissionResult.SeenBefore => PageRequest.T(http, "đã nạp trước đó", "loaded before"),
        SubmissionOutcome.Unchanged => PageRequest.T(http, "không đổi", "unchanged"),
        "error" => PageRequest.T(http, "lỗi", "error"),
        "warning" => PageRequest.T(http, "cảnh báo", "warning"),
        _ => code,
    };
}
