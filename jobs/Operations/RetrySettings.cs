namespace Analytics.Jobs.Operations;

/// <summary>A failed run is tried again after FirstDelaySeconds, then twice that, … up to Attempts runs in all.</summary>
public sealed class RetrySettings
{
    public int Attempts { get; set; } = 4;

    public double FirstDelaySeconds { get; set; } = 30;

    public TimeSpan DelayBefore(int attempt) => TimeSpan.FromSeconds(FirstDelaySeconds * Math.Pow(2, attempt - 2));
}
