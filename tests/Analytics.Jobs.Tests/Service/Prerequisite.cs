using Xunit.Abstractions;

namespace Analytics.Jobs.Tests.Service;

/// <summary>
/// A test that needs a system package (chromium, postgresql): on CI (CI set) its absence fails the test
/// with the reason; on a developer's machine the test says why it did nothing and passes.
/// </summary>
public static class Prerequisite
{
    public static void Missing(string reason, ITestOutputHelper output)
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))) Assert.Fail(reason);
        output.WriteLine("skipped: " + reason);
    }
}
