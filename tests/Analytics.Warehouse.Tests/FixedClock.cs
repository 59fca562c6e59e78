namespace Analytics.Warehouse.Tests;

/// <summary>A clock stopped at one instant, so recorded times can be asserted exactly.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
