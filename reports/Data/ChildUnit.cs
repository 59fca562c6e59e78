namespace Analytics.Reports.Data;

/// <summary>A child unit of the report's unit, as the tables list it.</summary>
public sealed record ChildUnit(string UnitCode, string Name);
