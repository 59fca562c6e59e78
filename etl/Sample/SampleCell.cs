namespace Analytics.Etl.Sample;

/// <summary>
/// One value as a sender writes it: the text for CSV and text cells, and the number for numeric
/// cells and JSON (null when the text is not a number, e.g. an injected "khoảng 150" or a rating).
/// </summary>
internal readonly record struct SampleCell(string Indicator, string Text, decimal? Number);
