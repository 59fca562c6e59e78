using Analytics.Jobs.Operations;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Analytics.Jobs.Web;

/// <summary>
/// Builds `analytics serve`'s pages, bound to the configured address (127.0.0.1 by default). The jobs are
/// added by the composition root: the first action registers them (and the JobControl the pages
/// use), the second maps what needs the signed-in user before the pages (the Dashboard).
/// </summary>
public static class ServiceHost
{
    public static WebApplication Build(ServiceSettings settings, TimeProvider clock, Action<IServiceCollection> addJobs, Action<IApplicationBuilder> afterSignIn, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls($"http://{settings.Bind}:{settings.Port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        addJobs(builder.Services);
        builder.Services.AddSingleton(new UserStore(settings.UsersPath));
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = "/login";
            o.Cookie.Name = "analytics-auth";
            // Strict same-site cookies: a form on another site cannot post to run a job or upload with the user's login.
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
        });
        builder.Services.AddAuthorization();
        // Pages encode what they write; Vietnamese letters stay letters instead of becoming numeric entities.
        builder.Services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "analytics-form";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        // Sign-in cookies and form tokens are sealed with keys kept beside the warehouse, so a restart
        // (or the other node of a cluster, which shares that folder) does not sign everyone out.
        var keys = Directory.CreateDirectory(Path.Combine(settings.DbDirectory, "keys"));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keys.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        builder.Services.AddDataProtection().SetApplicationName("analytics").PersistKeysToFileSystem(keys);
        // The keys are protected by the folder's permissions (owner only); without a certificate or key
        // vault there is nothing better on a single Linux host, and the warning would repeat at every start.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseFormTokens();
        app.UseAuthorization();
        afterSignIn(app);
        app.MapAccountPages();
        app.MapJobsPages();
        app.MapSubmissionsPages();
        app.MapCompletenessPages();
        app.MapReportsPages();
        app.MapSqlPages();
        app.MapAssetsApi();
        return app;
    }
}
