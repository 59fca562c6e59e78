using Analytics.Jobs.Operations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Analytics.Jobs.Web;

/// <summary>Sign in and out, and the language switch.</summary>
public static class AccountPages
{
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/jobs"));
        app.MapGet("/lang", Lang);
        app.MapGet("/login", LoginForm);
        app.MapPost("/login", (Delegate)Login);
        app.MapPost("/logout", (Delegate)Logout);
        return app;
    }

    private static IResult Lang(HttpContext http, string? to, string? returnUrl)
    {
        http.Response.Cookies.Append("lang", to == "en" ? "en" : "vi", new CookieOptions { SameSite = SameSiteMode.Strict, HttpOnly = true });
        return Results.Redirect(Local(returnUrl));
    }

    private static IResult LoginForm(HttpContext http, string? returnUrl, string? error = null) =>
        Html.Page(http, "Đăng nhập", "Sign in", $"""
            {(error is null ? "" : $"<p class=\"error\" id=\"login-error\">{Html.E(error)}</p>")}
            <form method="post" action="/login">{Html.Antiforgery(http)}
            <input type="hidden" name="returnUrl" value="{Html.E(Local(returnUrl))}">
            <p><label>{Html.T(http, "Tên", "Name")} <input name="name" id="name" autocomplete="username"></label></p>
            <p><label>{Html.T(http, "Mật khẩu", "Password")} <input type="password" name="password" id="password" autocomplete="current-password"></label></p>
            <button id="login-submit">{Html.T(http, "Đăng nhập", "Sign in")}</button></form>
            """, error is null ? 200 : 401);

    private static async Task<IResult> Login(HttpContext http, UserStore users)
    {
        var form = await http.Request.ReadFormAsync();
        var name = form["name"].ToString();
        var returnUrl = form["returnUrl"].ToString();
        if (name.Length == 0 || !users.Verify(name, form["password"].ToString()))
            return LoginForm(http, returnUrl, Html.T(http, "Sai tên hoặc mật khẩu.", "Wrong name or password."));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), .. users.Roles(name).Select(r => new Claim(ClaimTypes.Role, r))], CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(Local(returnUrl));
    }

    private static async Task<IResult> Logout(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect("/jobs");
    }

    /// <summary>Only paths on this site: no open redirect through returnUrl.</summary>
    internal static string Local(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/jobs";
}
