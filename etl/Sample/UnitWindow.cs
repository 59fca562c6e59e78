namespace Analytics.Etl.Sample;

/// <summary>One validity window of a unit: its parent from <see cref="From"/> to <see cref="To"/> (inclusive; null = still active).</summary>
internal sealed class UnitWindow(string? parent, DateOnly from, DateOnly? to)
{
    public string? Parent { get; } = parent;
    public DateOnly From { get; } = from;
    public DateOnly? To { get; set; } = to;

    public bool Contains(DateOnly day) => From <= day && (To is null || day <= To);
}
