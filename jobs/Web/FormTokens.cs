using Analytics.Jobs.Web.Slices;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Jobs.Web;

/// <summary>The refused-form page's model: the page on this site the form came from, to go back to.</summary>
public sealed record FormRefusal(string Back);

/// <summary>
/// The form tokens that stop another site from posting with a signed-in user's cookies: every POST must
/// carry the token the pages put in their forms (_FormToken.cshtml), or it is refused with a page saying so.
/// A page streams as it renders, so its headers are sent before the body asks for a token; the token's
/// cookie is therefore issued when an HTML response starts, while its headers can still change.
/// </summary>
public static class FormTokens
{
    public static IApplicationBuilder UseFormTokens(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        if (HttpMethods.IsPost(http.Request.Method) && !await antiforgery.IsRequestValidAsync(http))
        {
            var referer = http.Request.GetTypedHeaders().Referer;
            var back = referer is not null && referer.Authority == $"{http.Request.Host}" ? AccountPages.Local(referer.PathAndQuery) : "/jobs";
            var refused = FormRefused.Create(new FormRefusal(back));
            refused.StatusCode = StatusCodes.Status400BadRequest;
            await ((IResult)refused).ExecuteAsync(http);
            return;
        }
        http.Response.OnStarting(() =>
        {
            if (http.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true) antiforgery.GetAndStoreTokens(http);
            return Task.CompletedTask;
        });
        await next(http);
    });
}
