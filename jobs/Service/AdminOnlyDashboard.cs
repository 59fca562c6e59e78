using Analytics.Jobs.Operations;
using Hangfire.Dashboard;

namespace Analytics.Jobs.Service;

/// <summary>
/// Hangfire's Dashboard opens only for a signed-in administrator (the site's cookie login, role admin).
/// Anyone else gets nothing: 401 when not signed in, 403 when signed in without the role (Hangfire answers
/// so for a refused filter).
/// </summary>
public sealed class AdminOnlyDashboard : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User is { Identity.IsAuthenticated: true } user && user.IsInRole(UserStore.AdminRole);
}
