using Analytics.Jobs.Operations;
using Analytics.Jobs.Tests.Service;
using Microsoft.Playwright;

namespace Analytics.Jobs.Tests.Web;

public sealed class PagesInChromiumTests(ServiceSite site) : IClassFixture<ServiceSite>
{
    public const string Shots = "/tmp/svc-shots";

    /// <summary>
    /// Clicks something that loads a page at the same address (a form sent back to /jobs, the language
    /// switch) and waits until the new document has replaced the old one, which waiting for the URL cannot tell.
    /// </summary>
    private static async Task ClickAndLoad(IPage page, string selector)
    {
        await page.EvaluateAsync("() => { window.analyticsOldPage = true; }");
        await page.ClickAsync(selector);
        await page.WaitForFunctionAsync("() => window.analyticsOldPage === undefined && document.readyState === 'complete'");
    }

    /// <summary>Fails when chromium is missing, or skips under the explicit opt-out (see <see cref="Prerequisite"/>).</summary>
    private void RequireChromium() => Prerequisite.Chromium(site.Missing);

    [SkippableFact]
    public async Task Signing_in_refuses_a_wrong_password_and_accepts_the_right_one()
    {
        RequireChromium();
        var page = await site.NewPage();
        await ServiceSite.SignIn(page, "sai-mật-khẩu");
        Assert.Equal("Sai tên hoặc mật khẩu.", await page.InnerTextAsync("#login-error"));
        Assert.Equal(0, await page.Locator("#user").CountAsync());

        await ServiceSite.SignIn(page);
        await page.WaitForURLAsync("**/jobs");
        Assert.Equal(ServiceSite.User, await page.InnerTextAsync("#user"));

        // The frame's sign-out form (with its form token) signs out; the sign-in link is back.
        await page.GotoAsync("/sql");
        await ClickAndLoad(page, "#user + button");
        Assert.Equal(0, await page.Locator("#user").CountAsync());
        Assert.Equal(1, await page.Locator("#login-link").CountAsync());
    }

    [SkippableFact]
    public async Task Uploading_a_csv_with_a_refused_submission_shows_its_rule_and_vietnamese_message()
    {
        RequireChromium();
        var page = await site.NewPage();
        // Without a login the upload form leads to the sign-in page.
        await page.GotoAsync("/submissions");
        var csv = Path.Combine(site.Settings.Inbox, "..", "upload-q2.csv");
        File.WriteAllText(csv, "unit_code,period,indicator,value\nGLM-SOE,2024-Q2,workers,130\nGLM-PRV,2024-Q2,workers,-5\n");
        await page.SetInputFilesAsync("#upload-file", csv);
        await page.ClickAsync("#upload-submit");
        await page.WaitForURLAsync("**/login**");

        await ServiceSite.SignIn(page);
        await page.GotoAsync("/submissions");
        await page.SetInputFilesAsync("#upload-file", csv);
        await page.ClickAsync("#upload-submit");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/submissions/[0-9a-f]{12}$"));
        Assert.Equal("nhận một phần", await page.InnerTextAsync("#file-status"));
        Assert.Equal(SubmissionResult.Partly, await page.GetAttributeAsync("#file-status", "class"));
        var main = await page.InnerTextAsync("main");
        Assert.Contains("GLM-PRV 2024-Q2: bị từ chối", main, StringComparison.Ordinal);
        Assert.Contains("GLM-SOE 2024-Q2: đã nhận (v1)", main, StringComparison.Ordinal);
        Assert.Contains("E07", main, StringComparison.Ordinal);
        Assert.Contains("là số âm; số liệu báo cáo không được âm", main, StringComparison.Ordinal);
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "submission-refused.png"), FullPage = true });

        // The list shows the file, and the English page gives the English message.
        await page.GotoAsync("/submissions");
        Assert.Contains("upload-q2.csv", await page.InnerTextAsync("#submissions"), StringComparison.Ordinal);
        await page.GoBackAsync();
        await ClickAndLoad(page, "#lang-switch");
        var english = await page.InnerTextAsync("main");
        Assert.Contains("GLM-PRV 2024-Q2: refused", english, StringComparison.Ordinal);
        Assert.Contains("value -5 is negative", english, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Hangfire_s_dashboard_is_refused_to_a_visitor_and_to_a_signed_in_officer_who_is_not_an_administrator()
    {
        RequireChromium();
        var page = await site.NewPage();
        // Asked with the browser context's own cookies (Chromium shows no page for an empty 401 or 403).
        var visitor = await page.Context.APIRequest.GetAsync("/hangfire");
        Assert.Equal(401, visitor.Status);
        Assert.DoesNotContain("Hangfire", await visitor.TextAsync(), StringComparison.Ordinal);

        await ServiceSite.SignIn(page);
        await page.WaitForURLAsync("**/jobs");
        Assert.Equal(0, await page.Locator("#dashboard-link").CountAsync());
        var officer = await page.Context.APIRequest.GetAsync("/hangfire/recurring");
        Assert.Equal(403, officer.Status);
        Assert.DoesNotContain("Hangfire", await officer.TextAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Running_a_job_now_needs_a_login_and_puts_the_run_in_the_history()
    {
        RequireChromium();
        var page = await site.NewPage();
        await page.GotoAsync("/jobs");
        await page.ClickAsync("#run-reminders");
        await page.WaitForURLAsync("**/login**");
        Assert.Equal(0, await page.Locator("#history tr", new PageLocatorOptions { HasText = ServiceJobs.Label(ServiceJobs.Reminders).Vi }).CountAsync());

        await ServiceSite.SignIn(page);
        await page.GotoAsync("/jobs");
        await ClickAndLoad(page, "#run-reminders");
        // The run is asynchronous: reload until it has finished (while it waits or runs the cell says so).
        for (var i = 0; i < 100 && await page.Locator("#result-reminders.ok, #result-reminders.failed").CountAsync() == 0; i++)
        {
            await Task.Delay(200);
            await page.ReloadAsync();
        }
        Assert.Equal("ok", await page.GetAttributeAsync("#result-reminders", "class"));
        Assert.Equal("thành công", await page.InnerTextAsync("#result-reminders"));
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "jobs.png"), FullPage = true });
        var history = page.Locator("#history tr", new PageLocatorOptions { HasText = ServiceJobs.Label(ServiceJobs.Reminders).Vi });
        Assert.Equal(1, await history.CountAsync());
        Assert.Contains("thành công", await history.InnerTextAsync(), StringComparison.Ordinal);
    }

    // What a Vietnamese officer reads on every page holds no English sentence (DuckDB's own error text, shown
    // under the page's Vietnamese explanation for analysts, is left out).
    [SkippableFact]
    public async Task Every_page_reads_in_vietnamese()
    {
        RequireChromium();
        var page = await site.NewPage();
        var texts = new List<(string, string)>();
        async Task Read(string where) => texts.Add((where, await page.EvaluateAsync<string>(
            "() => { const c = document.body.cloneNode(true); c.querySelectorAll('#sql-error').forEach(e => e.remove()); return c.innerText; }")));
        await page.GotoAsync("/login");
        await Read("/login");
        await ServiceSite.SignIn(page);
        foreach (var path in new[] { "/jobs", "/submissions", "/completeness", "/completeness?period=2024-Q1&unit=HNI", "/completeness?period=2024-Q1&unit=XYZ", "/reports", "/sql" })
        {
            await page.GotoAsync(path);
            await Read(path);
        }
        await page.FillAsync("#sql", "SELECT unit_code, sum(value) AS workers FROM fact_value JOIN submission USING (submission_id) GROUP BY unit_code");
        await page.ClickAsync("#sql-run");
        await page.Locator("#sql-result").WaitForAsync();
        await Read("/sql, a result");
        await page.FillAsync("#sql", "DELETE FROM submission");
        await page.ClickAsync("#sql-run");
        await page.Locator("#sql-refused").WaitForAsync();
        await Read("/sql, refused");

        Assert.Contains(texts, t => t.Item2.Contains("Tác vụ", StringComparison.Ordinal));
        var hits = Analytics.Tests.Shared.EnglishInVietnamese.FindAll(texts);
        Assert.True(hits.Count == 0, "English on a Vietnamese page:\n" + string.Join("\n", hits));
    }

    [SkippableFact]
    public async Task A_sql_query_shows_its_table_and_a_chart_and_a_delete_is_refused_clearly()
    {
        RequireChromium();
        var page = await site.NewPage();
        await page.GotoAsync("/sql");
        await page.FillAsync("#sql", "SELECT unit_code, sum(value) AS workers FROM fact_value JOIN submission USING (submission_id) WHERE period_code = '2024-Q1' GROUP BY unit_code ORDER BY unit_code");
        await page.ClickAsync("#sql-run");
        await page.Locator("#sql-result").WaitForAsync();
        var rows = await page.Locator("#sql-result tr").AllInnerTextsAsync();
        Assert.Equal(["unit_code\tworkers", "GLM-PRV\t80", "GLM-PUB\t45", "GLM-SOE\t120"], rows.Select(r => r.Trim()));
        // The server draws the bars (the reports' ranking chart) and sends them as inline SVG, largest first.
        await page.Locator("#chart[data-rendered=yes] svg").WaitForAsync();
        var texts = await page.Locator("#chart svg text").AllTextContentsAsync();
        var units = texts.Select(t => t.Trim()).Where(t => t.StartsWith("GLM-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["GLM-SOE", "GLM-PRV", "GLM-PUB"], units);
        Assert.Contains("120", texts.Select(t => t.Trim()));
        // The browser draws the SVG's text with the charts' own font, served by the page.
        Assert.True(await page.EvaluateAsync<bool>(
            "async () => { await document.fonts.ready; return [...document.fonts].some(f => f.family.replace(/\"/g, '') === 'Inter' && f.status === 'loaded'); }"));
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "sql-chart.png"), FullPage = true });

        await page.FillAsync("#sql", "DELETE FROM submission");
        await page.ClickAsync("#sql-run");
        Assert.StartsWith("Bị từ chối: trang SQL chỉ đọc", await page.InnerTextAsync("#sql-refused"), StringComparison.Ordinal);
        Assert.Contains("read-only", await page.InnerTextAsync("#sql-error"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#sql-result").CountAsync());

        await page.FillAsync("#sql", "SELECT count(*) AS n FROM submission WHERE period_code = '2024-Q1'");
        await page.ClickAsync("#sql-run");
        await page.Locator("#sql-result").WaitForAsync();
        Assert.Equal(["n", "3"], (await page.Locator("#sql-result tr").AllInnerTextsAsync()).Select(r => r.Trim()));
    }

    [SkippableFact]
    public async Task The_completeness_page_draws_reports_received_by_unit_as_inline_svg()
    {
        RequireChromium();
        var page = await site.NewPage();
        await page.GotoAsync("/completeness?period=2024-Q1");
        await page.Locator("#units").WaitForAsync();
        await page.Locator("#chart[data-rendered=yes] svg").WaitForAsync();
        var texts = (await page.Locator("#chart svg text").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        Assert.Contains("Đúng hạn", texts);
        Assert.Contains(texts, t => t.StartsWith("n = ", StringComparison.Ordinal));
        Directory.CreateDirectory(Shots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, "completeness-chart.png"), FullPage = true });
    }

    [SkippableFact]
    public async Task The_english_switch_changes_the_labels_and_the_vietnamese_switch_brings_them_back()
    {
        RequireChromium();
        var page = await site.NewPage();
        await page.GotoAsync("/jobs");
        Assert.Equal("Tác vụ", await page.InnerTextAsync("h1"));
        Assert.Equal("English", await page.InnerTextAsync("#lang-switch"));
        Assert.Contains("Nạp báo cáo từ hộp thư đến", await page.InnerTextAsync("#jobs"), StringComparison.Ordinal);

        await ClickAndLoad(page, "#lang-switch");
        Assert.Equal("Jobs", await page.InnerTextAsync("h1"));
        Assert.Contains("Ingest the inbox", await page.InnerTextAsync("#jobs"), StringComparison.Ordinal);
        Assert.Contains("Submissions", await page.InnerTextAsync("header"), StringComparison.Ordinal);
        await page.GotoAsync("/sql");
        Assert.Equal("Run", await page.InnerTextAsync("#sql-run"));

        await ClickAndLoad(page, "#lang-switch");
        Assert.Equal("Chạy", await page.InnerTextAsync("#sql-run"));
    }

    [SkippableFact]
    public async Task Markup_in_a_query_its_result_or_an_uploaded_unit_code_shows_as_text_and_never_runs()
    {
        RequireChromium();
        const string Script = "<script>window.injected = 1</script>";
        var page = await site.NewPage();
        await page.GotoAsync("/sql");
        var sql = $"SELECT '{Script}' AS label, 7 AS n UNION ALL SELECT '<img src=x onerror=\"window.injected = 2\">', 3";
        await page.FillAsync("#sql", sql);
        await page.ClickAsync("#sql-run");
        await page.Locator("#sql-result").WaitForAsync();
        // The query comes back in the form as typed, its values in the table and the chart as text.
        Assert.Equal(sql, await page.InputValueAsync("#sql"));
        Assert.Equal([Script, "<img src=x onerror=\"window.injected = 2\">"], await page.Locator("#sql-result td:first-child").AllInnerTextsAsync());
        Assert.Contains(Script, (await page.Locator("#chart svg text").AllTextContentsAsync()).Select(t => t.Trim()));
        Assert.Equal(0, await page.Locator("main script, main img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.injected === undefined"));

        // A unit code with markup in an uploaded file: refused, and named as text on its result page.
        await ServiceSite.SignIn(page);
        await page.WaitForURLAsync("**/jobs");
        var csv = Path.Combine(site.Settings.Inbox, "..", "markup-q2.csv");
        File.WriteAllText(csv, $"unit_code,period,indicator,value\n{Script},2024-Q2,workers,10\n");
        await page.GotoAsync("/submissions");
        await page.SetInputFilesAsync("#upload-file", csv);
        await page.ClickAsync("#upload-submit");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/submissions/[0-9a-f]{12}$"));
        Assert.Contains(Script, await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("main script").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.injected === undefined"));
    }
}
