namespace Analytics.Reports.Excel;

/// <summary>A table column: header, width in characters and the number format of its values (null: text).</summary>
public sealed record ColumnSpec(string Header, double Width, string? Format = null);
