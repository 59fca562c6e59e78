namespace Analytics.Etl.Ingest;

/// <summary>A checked value: a number, or a category for category indicators.</summary>
public sealed record ParsedValue(IndicatorRule Indicator, double? Number, string? Category, DraftValue Source);
