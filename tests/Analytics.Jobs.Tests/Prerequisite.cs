namespace Analytics.Jobs.Tests;

/// <summary>
/// A test that needs a system package (Debian's chromium, postgresql). When the package is missing the
/// test fails and says how to install it; it is skipped, and reported as Skipped, only when its opt-out
/// variable is set to 1 (then it is skipped whether or not the package is there). Such tests are
/// <c>[SkippableFact]</c>s, so the skip shows in the test results and never passes as if it had run.
/// </summary>
public static class Prerequisite
{
    /// <summary>Set to 1 to skip the browser tests (the pages in Chromium).</summary>
    public const string SkipBrowserTests = "ANALYTICS_SKIP_BROWSER_TESTS";

    /// <summary>Set to 1 to skip the tests that start a local PostgreSQL (the two-node cluster).</summary>
    public const string SkipPostgresTests = "ANALYTICS_SKIP_POSTGRES_TESTS";

    public static bool BrowserTestsSkipped => OptedOut(SkipBrowserTests);

    /// <summary>Skips under <see cref="SkipBrowserTests"/>; otherwise fails when <paramref name="missing"/> (why chromium cannot run) is not null.</summary>
    public static void Chromium(string? missing) =>
        Require(missing, SkipBrowserTests, "Debian's chromium package: apt-get install chromium");

    /// <summary>Skips under <see cref="SkipPostgresTests"/>; otherwise fails when <paramref name="missing"/> (why PostgreSQL cannot start) is not null.</summary>
    public static void PostgreSql(string? missing) =>
        Require(missing, SkipPostgresTests, "Debian's postgresql package: apt-get install postgresql");

    private static bool OptedOut(string variable) => Environment.GetEnvironmentVariable(variable) == "1";

    private static void Require(string? missing, string optOut, string install)
    {
        Skip.If(OptedOut(optOut), $"skipped: {optOut}=1");
        if (missing is not null)
            Assert.Fail($"{missing}. Install {install} (as root; .ci/run does), or set {optOut}=1 to skip these tests (reported as Skipped).");
    }
}
