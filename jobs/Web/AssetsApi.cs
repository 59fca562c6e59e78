using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Analytics.Jobs.Web;

/// <summary>The chart scripts, served from the build output (copied there from jobs/web-assets/node_modules), never from a CDN.</summary>
public static class AssetsApi
{
    private static readonly string[] Files = ["vega.min.js", "vega-lite.min.js", "vega-embed.min.js"];

    public static IEndpointRouteBuilder MapAssetsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{name}", (string name) =>
        {
            var path = Path.Combine(AppContext.BaseDirectory, "web-assets", name);
            return Files.Contains(name) && File.Exists(path) ? Results.File(path, "text/javascript") : Results.NotFound();
        });
        return app;
    }
}
