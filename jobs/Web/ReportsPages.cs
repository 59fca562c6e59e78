using Analytics.Jobs.Operations;
using Analytics.Jobs.Web.Slices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;
using RazorSlices;

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

    private static RazorSlice<IReadOnlyList<string>> List(ServiceSettings settings)
    {
        var root = Path.GetFullPath(settings.ReportsDirectory);
        IReadOnlyList<string> files = Directory.Exists(root)
            ? [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || f.EndsWith("index.html", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))]
            : [];
        return ReportList.Create(files);
    }

    private static Results<PhysicalFileHttpResult, NotFound> Open(string path, ServiceSettings settings)
    {
        var root = Path.GetFullPath(settings.ReportsDirectory) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, path));
        if (!full.StartsWith(root, StringComparison.Ordinal) || !File.Exists(full)) return TypedResults.NotFound();
        if (!Types.TryGetContentType(full, out var type)) type = "application/octet-stream";
        return TypedResults.PhysicalFile(full, type, full.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? Path.GetFileName(full) : null);
    }
}
