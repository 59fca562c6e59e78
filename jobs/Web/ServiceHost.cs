using Analytics.Jobs.Scheduling;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Jobs.Web;

/// <summary>Builds `analytics serve`: the scheduler and the pages, bound to the configured address (127.0.0.1 by default).</summary>
public static class ServiceHost
{
    public static WebApplication Build(ServiceSettings settings, TimeProvider clock, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls($"http://{settings.Bind}:{settings.Port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        logging?.Invoke(builder.Logging);
        builder.Services.AddAnalyticsScheduler(settings, clock);
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

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
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
