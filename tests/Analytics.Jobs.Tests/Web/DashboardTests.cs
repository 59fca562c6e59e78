using System.Net;
using System.Text.RegularExpressions;
using Analytics.Jobs.Operations;
using Analytics.Jobs.Tests.Cli;
using Analytics.Jobs.Tests.Service;

namespace Analytics.Jobs.Tests.Web;

/// <summary>Hangfire's Dashboard at /hangfire over plain HTTP: administrators only, behind the site's own sign-in and form tokens.</summary>
public sealed partial class DashboardTests
{
    private const string Password = "một-mật-khẩu-dài-9";

    [GeneratedRegex("name=\"(?<name>__RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex TokenField();

    private static HttpClient Client(int port) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };

    private static async Task SignIn(HttpClient client, string name)
    {
        var page = await client.GetStringAsync("/login");
        var token = TokenField().Match(page);
        Assert.True(token.Success);
        var signedIn = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value),
            ["name"] = name,
            ["password"] = Password,
            ["returnUrl"] = "/jobs",
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Only_an_administrator_gets_the_dashboard_anyone_else_nothing_and_its_commands_need_the_form_token()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        s.Port = FreePort.Next();
        s.Store = "sqlite";
        // Users as an operator adds them: `analytics user add NAME [--admin]`.
        Assert.Equal(0, CliProcess.RunWithInput(null, Password + "\n", "user", "add", "lan", "--db", s.Db).ExitCode);
        Assert.Equal(0, CliProcess.RunWithInput(null, Password + "\n", "user", "add", "an", "--admin", "--db", s.Db).ExitCode);
        Assert.Equal([UserStore.AdminRole], new UserStore(s.UsersPath).Roles("an"));
        Assert.Empty(new UserStore(s.UsersPath).Roles("lan"));

        await using var app = ServiceApp.Build(s, TimeProvider.System);
        await app.StartAsync();
        using var anonymous = Client(s.Port);
        var refused = await anonymous.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.DoesNotContain("Hangfire", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/hangfire/recurring")).StatusCode);

        using var officer = Client(s.Port);
        await SignIn(officer, "lan");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/hangfire")).StatusCode);
        Assert.DoesNotContain("dashboard-link", await officer.GetStringAsync("/jobs"), StringComparison.Ordinal);

        using var admin = Client(s.Port);
        await SignIn(admin, "an");
        Assert.Contains("id=\"dashboard-link\"", await admin.GetStringAsync("/jobs"), StringComparison.Ordinal);
        var recurring = await admin.GetStringAsync("/hangfire/recurring");
        foreach (var job in ServiceJobs.All) Assert.Contains(job, recurring, StringComparison.Ordinal);
        // The store's connection is not shown.
        Assert.DoesNotContain(s.DbDirectory, await admin.GetStringAsync("/hangfire"), StringComparison.Ordinal);
        // A command (trigger a recurring job) posted without the site's form token is refused, even for an administrator.
        var forged = await admin.PostAsync("/hangfire/recurring/trigger", new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = ServiceJobs.Reminders }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await app.StopAsync();
    }
}
