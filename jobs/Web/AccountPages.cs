using Analytics.Jobs.Operations;
using Analytics.Jobs.Web.Slices;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RazorSlices;

namespace Analytics.Jobs.Web;

/// <summary>The sign-in page's model: where to go once signed in (a path on this site) and the refusal, if any.</summary>
public sealed record LoginForm(string ReturnUrl, string? Error);

/// <summary>Sign in and out, and the language switch.</summary>
public static class AccountPages
{
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => TypedResults.Redirect("/jobs"));
        app.MapGet("/lang", Lang);
        app.MapGet("/login", (string? returnUrl) => Login.Create(new LoginForm(Local(returnUrl), null)));
        app.MapPost("/login", (Delegate)SignIn);
        app.MapPost("/logout", (Delegate)SignOut);
        return app;
    }

    private static RedirectHttpResult Lang(HttpContext http, string? to, string? returnUrl)
    {
        http.Response.Cookies.Append("lang", to == "en" ? "en" : "vi", new CookieOptions { SameSite = SameSiteMode.Strict, HttpOnly = true });
        return TypedResults.Redirect(Local(returnUrl));
    }

    private static async Task<Results<RedirectHttpResult, RazorSlice<LoginForm>>> SignIn(HttpContext http, UserStore users)
    {
        var form = await http.Request.ReadFormAsync();
        var name = form["name"].ToString();
        var returnUrl = Local(form["returnUrl"].ToString());
        if (name.Length == 0 || !users.Verify(name, form["password"].ToString()))
        {
            var page = Login.Create(new LoginForm(returnUrl, PageRequest.T(http, "Sai tên hoặc mật khẩu.", "Wrong name or password.")));
            page.StatusCode = StatusCodes.Status401Unauthorized;
            return page;
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), .. users.Roles(name).Select(r => new Claim(ClaimTypes.Role, r))], CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.Redirect(returnUrl);
    }

    private static async Task<RedirectHttpResult> SignOut(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect("/jobs");
    }

    /// <summary>Only paths on this site: no open redirect through returnUrl.</summary>
    internal static string Local(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/jobs";
}
