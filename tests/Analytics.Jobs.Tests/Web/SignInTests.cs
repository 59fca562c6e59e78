using Analytics.Jobs.Operations;
using System.Net;
using System.Text.RegularExpressions;
using Analytics.Jobs.Tests.Service;
using Analytics.Jobs.Web;

namespace Analytics.Jobs.Tests.Web;

/// <summary>The service over plain HTTP (no browser needed): form tokens and sign-ins across a restart.</summary>
public sealed partial class SignInTests
{
    private const string User = "minh";
    private const string Password = "một-mật-khẩu-dài-7";

    [GeneratedRegex("name=\"(?<name>__RequestVerificationToken[^\"]*)\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex TokenField();

    private static async Task<HttpResponseMessage> PostForm(HttpClient client, string pageWithForm, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageWithForm);
        var token = TokenField().Match(page);
        Assert.True(token.Success, "the page has no form token:\n" + page);
        fields[token.Groups["name"].Value] = WebUtility.HtmlDecode(token.Groups["value"].Value);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task A_sign_in_survives_a_restart_of_the_service_and_a_post_without_the_form_token_is_refused()
    {
        using var folder = new ServiceFolder();
        var s = folder.Settings;
        s.Port = FreePort.Next();
        new UserStore(s.UsersPath).Set(User, Password);
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{s.Port}"),
            Timeout = TimeSpan.FromSeconds(30),
        };

        await using (var first = ServiceApp.Build(s, TimeProvider.System))
        {
            await first.StartAsync();
            var signedIn = await PostForm(client, "/login", "/login", new() { ["name"] = User, ["password"] = Password, ["returnUrl"] = "/jobs" });
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            Assert.Contains($"<span id=\"user\">{User}</span>", await client.GetStringAsync("/jobs"), StringComparison.Ordinal);

            // Signed in, but a post that did not come from the site's own form (no token) changes nothing.
            var forged = await client.PostAsync("/jobs/monthly-report/pause", new FormUrlEncodedContent([]));
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.Contains("id=\"form-refused\"", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("id=\"pause-monthly-report\"", await client.GetStringAsync("/jobs"), StringComparison.Ordinal);
            await first.StopAsync();
        }

        // A new process would read the same keys beside the warehouse: the browser's cookie still signs it in.
        await using var second = ServiceApp.Build(s, TimeProvider.System);
        await second.StartAsync();
        Assert.Contains($"<span id=\"user\">{User}</span>", await client.GetStringAsync("/jobs"), StringComparison.Ordinal);
        var paused = await PostForm(client, "/jobs", "/jobs/monthly-report/pause", []);
        Assert.Equal(HttpStatusCode.Redirect, paused.StatusCode);
        Assert.Contains("id=\"resume-monthly-report\"", await client.GetStringAsync("/jobs"), StringComparison.Ordinal);
        await second.StopAsync();
    }
}
