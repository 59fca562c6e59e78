using Analytics.Jobs.Operations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace Analytics.Jobs.Web;

/// <summary>Every published report and conference pack under the output folder's reports/, to open or download.</summary>
public static class ReportsPages
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    public static IEndpointRouteBuilder MapReportsPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports", List);
        app.MapGet("/reports/file/{**path}", Open);
        return app;
    }

    private static IResult List(HttpContext http, ServiceSettings settings)
    {
        var root = Path.GetFullPath(settings.ReportsDirectory);
        var files = Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || f.EndsWith("index.html", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal).ToList()
            : [];
        var rows = files.Select(f => Path.GetRelativePath(root, f)).Select(rel => (IEnumerable<object?>)[
            new RawHtml($"<a href=\"/reports/file/{string.Join('/', rel.Split('/').Select(Uri.EscapeDataString))}\">{Html.E(rel)}</a>")]);
        var body = files.Count == 0
            ? $"<p>{Html.T(http, "Chưa có báo cáo nào được công bố.", "No report published yet.")}</p>"
            : Html.Table([Html.T(http, "Tệp", "File")], rows, "reports");
        return Html.Page(http, "Báo cáo", "Reports", body);
    }

    private static IResult Open(string path, ServiceSettings settings)
    {
        var root = Path.GetFullPath(settings.ReportsDirectory) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, path));
        if (!full.StartsWith(root, StringComparison.Ordinal) || !File.Exists(full)) return Results.NotFound();
        if (!Types.TryGetContentType(full, out var type)) type = "application/octet-stream";
        return Results.File(full, type, full.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? Path.GetFileName(full) : null);
    }
}
