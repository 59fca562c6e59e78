namespace Analytics.Reports.Tests.Excel;

/// <summary>A clock that always says the same time: the edge the rules allow to fake.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
