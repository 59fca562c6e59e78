using System.Runtime.CompilerServices;
using Xunit;

namespace Analytics.Reports.Tests.Charts;

/// <summary>
/// Reviewed golden files in Charts/golden/. Run the tests with UPDATE_GOLDEN=1 to rewrite them
/// after an intended change, then review the diff (and the PNGs in /tmp/charts-look) before committing.
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerFile)!, "golden", name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Missing golden file {path}; run the tests with UPDATE_GOLDEN=1 and review it.");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            var at = Enumerable.Range(0, Math.Min(expected.Length, actual.Length)).FirstOrDefault(i => expected[i] != actual[i]);
            Assert.Fail($"{name} differs from its golden file at character {at}: " +
                $"expected …{Excerpt(expected, at)}… but got …{Excerpt(actual, at)}…");
        }
    }

    private static string Excerpt(string text, int at) => text.Substring(Math.Max(0, at - 40), Math.Min(120, text.Length - Math.Max(0, at - 40)));
}
