using Analytics.Jobs.Web;

namespace Analytics.Jobs.Tests.Web;

/// <summary>The Jobs page writes a run's duration in the page's language, as every other number on the site.</summary>
public sealed class JobsPageFormatsTests
{
    [Theory]
    [InlineData(false, 0.125, "0,125\u00A0giây")]
    [InlineData(true, 0.125, "0.125\u00A0s")]
    [InlineData(false, 1234.5, "1.234,5\u00A0giây")]
    [InlineData(true, 1234.5, "1,234.5\u00A0s")]
    public void A_runs_duration_reads_in_the_pages_language(bool english, double seconds, string expected) =>
        Assert.Equal(expected, JobsPages.Seconds(english, seconds));

    [Fact]
    public void A_run_without_a_duration_shows_nothing() => Assert.Null(JobsPages.Seconds(false, null));
}
