namespace Analytics.Jobs.Tests.Service;

/// <summary>A clock that always says the same time: "the month just ended" and receipt times are then known.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
