using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Analytics.Jobs.Web;

/// <summary>
/// HTML built from strings, kept only for the Jobs page (JobsPages.cs) until it is a slice on the page
/// frame (Slices/_Layout.cshtml) like every other page; its frame repeats that layout's markup.
/// </summary>
public static class Html
{
    public static string E(object? value) => WebUtility.HtmlEncode(value?.ToString() ?? "");

    public static bool English(HttpContext http) => PageRequest.English(http);

    public static string T(HttpContext http, string vi, string en) => PageRequest.T(http, vi, en);

    /// <summary>The hidden field with the request's form token (see <see cref="FormTokens"/>).</summary>
    public static string Antiforgery(HttpContext http)
    {
        var tokens = PageRequest.FormToken(http);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    public static string Time(HttpContext http, DateTimeOffset? time, bool seconds = true) => PageRequest.Time(http, time, seconds);

    public static IResult Page(HttpContext http, string titleVi, string titleEn, string body, int status = 200)
    {
        var en = English(http);
        var user = http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : null;
        var nav = new StringBuilder();
        foreach (var (href, vi, eng) in new[]
        {
            ("/jobs", "Tác vụ", "Jobs"), ("/submissions", "Nộp báo cáo", "Submissions"), ("/completeness", "Tình hình nộp", "Completeness"),
            ("/reports", "Báo cáo", "Reports"), ("/sql", "SQL", "SQL"),
        })
        {
            nav.Append($"<a href=\"{href}\">{E(en ? eng : vi)}</a> ");
        }
        var title = en ? titleEn : titleVi;
        var account = user is null
            ? $"<a id=\"login-link\" href=\"/login?returnUrl={Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}\">{(en ? "Sign in" : "Đăng nhập")}</a>"
            : $"<form method=\"post\" action=\"/logout\" style=\"display:inline\">{Antiforgery(http)}<span id=\"user\">{E(user)}</span> <button>{(en ? "Sign out" : "Đăng xuất")}</button></form>";
        var html = $$"""
            <!doctype html>
            <html lang="{{(en ? "en" : "vi")}}">
            <head><meta charset="utf-8"><title>{{E(title)}} — Analytics</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:0;color:#222}
            header{background:#0b4f8a;color:#fff;padding:.6em 1em;display:flex;gap:1em;align-items:center}
            header a{color:#fff;margin-right:.6em} header .right{margin-left:auto}
            main{padding:1em} table{border-collapse:collapse;margin:.5em 0} td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left}
            .ok{color:#17653a}.failed,.refused,.error{color:#b00020}.retrying,.warning,.late{color:#a15c00}
            textarea{width:100%;font-family:monospace}
            @font-face{font-family:Inter;font-weight:400;src:url(/assets/Inter-Regular.ttf) format("truetype")}
            @font-face{font-family:Inter;font-weight:600 700;src:url(/assets/Inter-Bold.ttf) format("truetype")}
            #chart svg{max-width:100%;height:auto}
            </style></head>
            <body><header><strong>Analytics</strong> {{nav}}
            <span class="right"><a id="lang-switch" href="/lang?to={{(en ? "vi" : "en")}}&returnUrl={{Uri.EscapeDataString(http.Request.Path + http.Request.QueryString)}}">{{(en ? "Tiếng Việt" : "English")}}</a> {{account}}</span></header>
            <main><h1>{{E(title)}}</h1>
            {{body}}
            </main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    public static string Table(IEnumerable<string> headers, IEnumerable<IEnumerable<object?>> rows, string? id = null)
    {
        var sb = new StringBuilder(id is null ? "<table>" : $"<table id=\"{id}\">");
        sb.Append("<tr>");
        foreach (var h in headers) sb.Append("<th>").Append(E(h)).Append("</th>");
        sb.Append("</tr>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row) sb.Append("<td>").Append(cell is RawHtml raw ? raw.Value : E(cell)).Append("</td>");
            sb.Append("</tr>");
        }
        return sb.Append("</table>").ToString();
    }
}

/// <summary>Cell content that is already HTML (links, buttons).</summary>
public sealed record RawHtml(string Value);
