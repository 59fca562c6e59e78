namespace Analytics.Etl.Registry;

/// <summary>One validity window of one unit, as in dim_unit. <see cref="ValidTo"/> is inclusive; null = active.</summary>
public sealed record UnitRecord(
    string Code,
    string Name,
    string? ParentCode,
    int Level,
    string? Sector,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    string? SuccessorCode)
{
    /// <summary>The file row it came from; null for a row already in the warehouse.</summary>
    public int? SourceRow { get; init; }

    public DateOnly End => ValidTo ?? DateOnly.MaxValue;

    public bool ActiveOn(DateOnly day) => ValidFrom <= day && day <= End;

    public bool SameContent(UnitRecord other) =>
        Code == other.Code && Name == other.Name && ParentCode == other.ParentCode && Level == other.Level
        && Sector == other.Sector && ValidFrom == other.ValidFrom && ValidTo == other.ValidTo && SuccessorCode == other.SuccessorCode;
}
