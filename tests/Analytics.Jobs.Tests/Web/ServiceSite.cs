using Analytics.Jobs.Operations;
using Analytics.Etl.Ingest;
using Analytics.Jobs.Tests.Cli;
using Analytics.Jobs.Tests.Service;
using Analytics.Jobs.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Analytics.Jobs.Tests.Web;

/// <summary>
/// The real service (the host `analytics serve` runs) on a free loopback port over a small real warehouse
/// (registry, one accepted submission, published), a user added with `analytics user add`, and
/// Debian's chromium driven by Playwright. Playwright never downloads a browser here: it launches
/// /usr/bin/chromium. Without chromium, <see cref="Browser"/> is null and <see cref="Missing"/> says why
/// (the tests then fail, see <see cref="Prerequisite"/>).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit ends a class fixture through IAsyncLifetime.DisposeAsync, which disposes the folder")]
public sealed class ServiceSite : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public const string User = "lan";
    public const string Password = "mật-khẩu-đủ-dài-42";

    // Made in InitializeAsync and removed in DisposeAsync (xunit's lifetime for a class fixture).
    private ServiceFolder? _folder;
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public ServiceSettings Settings => _folder!.Settings;

    public string Url { get; private set; } = "";

    public IBrowser? Browser { get; private set; }

    public string? Missing { get; private set; }

    public async Task InitializeAsync()
    {
        // Under the opt-out the tests skip (Prerequisite.Chromium) and nothing is started for them.
        if (Prerequisite.BrowserTestsSkipped) return;
        if (!File.Exists(Chromium))
        {
            Missing = $"{Chromium} is missing";
            return;
        }
        _folder = new ServiceFolder();
        var s = Settings;
        s.Store = "sqlite";
        s.Port = FreePort.Next();
        SmallRegistry.Load(s);
        File.WriteAllText(Path.Combine(_folder!.Root, "first.csv"),
            "unit_code,period,indicator,value\nGLM-SOE,2024-Q1,workers,120\nGLM-PRV,2024-Q1,workers,80\nGLM-PUB,2024-Q1,workers,45\n");
        using (var warehouse = Analytics.Warehouse.Warehouse.Open(s.Db))
        {
            using (var connection = warehouse.Connect())
            {
                var outcome = new Ingestor(connection, new IngestOptions { ReceivedAt = new DateTime(2024, 4, 10) }, TimeProvider.System)
                    .IngestFile(Path.Combine(_folder!.Root, "first.csv"));
                Assert.False(outcome.AnythingRefused);
            }
            Publisher.Run(warehouse, s);
        }
        var added = CliProcess.RunWithInput(null, Password + "\n", "user", "add", User, "--db", s.Db);
        Assert.True(added.ExitCode == 0, added.Error);

        _app = ServiceApp.Build(s, TimeProvider.System);
        await _app.StartAsync();
        Url = $"http://127.0.0.1:{s.Port}";

        // The driver is the node program shipped in the package (.playwright/ in the build output); it needs no network.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (no cookies) with one page.</summary>
    public async Task<IPage> NewPage()
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = Url, ViewportSize = new ViewportSize { Width = 1200, Height = 900 } });
        // CI runs every test assembly at once on two cores, beside this browser: pages and redirects
        // that take a second here took over 30 s there twice (an upload, whose answer waits up to 30 s
        // for the ingest job, and a sign-in redirect). A real hang still fails, a minute later.
        context.SetDefaultTimeout(90_000);
        return await context.NewPageAsync();
    }

    public static async Task SignIn(IPage page, string password = Password)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#name", User);
        await page.FillAsync("#password", password);
        // Waits until the answer to the form has replaced the login page: a navigation started right after
        // the click would otherwise abort the POST before its cookie is set, and the next page asks for a login.
        await page.EvaluateAsync("() => { window.analyticsLoginPage = true; }");
        await page.ClickAsync("#login-submit");
        await page.WaitForFunctionAsync("() => window.analyticsLoginPage === undefined && document.readyState === 'complete'");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _folder?.Dispose();
    }
}
