using Analytics.Reports.Charts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Analytics.Jobs.Web;

/// <summary>
/// The charts' font, Inter, served from the product's own font package (never from a CDN), so the
/// inline SVG charts are drawn in the browser with the font they were laid out with.
/// </summary>
public static class AssetsApi
{
    public static IEndpointRouteBuilder MapAssetsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/Inter-Regular.ttf", () => TypedResults.Bytes(ChartFonts.FontFile(bold: false).ToArray(), "font/ttf"));
        app.MapGet("/assets/Inter-Bold.ttf", () => TypedResults.Bytes(ChartFonts.FontFile(bold: true).ToArray(), "font/ttf"));
        return app;
    }
}
