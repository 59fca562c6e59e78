using System.Globalization;
using Analytics.Jobs.Operations;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Jobs.Web;

/// <summary>
/// What a page reads from its request: the language (Vietnamese unless the lang cookie says en), the
/// form token its forms carry, and times shown in the service's time zone.
/// </summary>
public static class PageRequest
{
    public static bool English(HttpContext http) => http.Request.Cookies["lang"] == "en";

    public static string T(HttpContext http, string vi, string en) => English(http) ? en : vi;

    /// <summary>
    /// The request's form token (see <see cref="FormTokens"/>, which issues its cookie before an HTML
    /// page's headers go out); every form that posts carries it in a hidden field.
    /// </summary>
    public static AntiforgeryTokenSet FormToken(HttpContext http) =>
        http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);

    /// <summary>
    /// A time as the service's users read it: in the configured time zone (Vietnam by default), whatever
    /// the server's own clock is set to.
    /// </summary>
    public static string Time(HttpContext http, DateTimeOffset? time, bool seconds = true)
    {
        if (time is null) return "";
        var settings = http.RequestServices.GetRequiredService<ServiceSettings>();
        var local = TimeZoneInfo.ConvertTime(time.Value, TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone));
        return local.ToString(seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>This request's path and query, for links that come back to it (language switch, sign-in).</summary>
    public static string Here(HttpContext http) => http.Request.Path + http.Request.QueryString;

    /// <summary>Percent-encodes one query value.</summary>
    public static string Query(string? value) => Uri.EscapeDataString(value ?? "");

    /// <summary>A path under a route prefix with each segment percent-encoded (file names with spaces, accents).</summary>
    public static string PathUnder(string prefix, string relative) =>
        prefix + string.Join('/', relative.Split('/', '\\').Select(Uri.EscapeDataString));
}
