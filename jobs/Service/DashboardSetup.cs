using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Jobs.Service;

/// <summary>Hangfire's own Dashboard at /hangfire, for administrators only (<see cref="AdminOnlyDashboard"/>).</summary>
public static class DashboardSetup
{
    public const string Path = "/hangfire";

    /// <summary>After the site's authentication, so the filter sees the signed-in user.</summary>
    public static IApplicationBuilder UseAnalyticsDashboard(this IApplicationBuilder app)
    {
        var storage = app.ApplicationServices.GetRequiredService<JobStorage>();
        return app.UseHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new AdminOnlyDashboard()],
            // Its POST commands (re-queue, delete, trigger) carry the site's antiforgery token and are refused without it.
            DisplayStorageConnectionString = false,
            DashboardTitle = "Analytics · Hangfire",
            AppPath = "/jobs",
        }, storage);
    }
}
