namespace Analytics.Jobs.Operations;

/// <summary>
/// A failed run is tried again after FirstDelaySeconds, then twice that, … up to Attempts runs in all;
/// after the last it stays failed with its error until someone runs it again.
/// </summary>
public sealed class RetrySettings
{
    public int Attempts { get; set; } = 4;

    public double FirstDelaySeconds { get; set; } = 30;

    /// <summary>The wait before retry <paramref name="retry"/> (1 for the first retry, the second run).</summary>
    public TimeSpan DelayBefore(int retry) => TimeSpan.FromSeconds(FirstDelaySeconds * Math.Pow(2, retry - 1));
}
