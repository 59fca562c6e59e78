namespace Analytics.Etl.Files;

/// <summary>
/// One data row of a CSV file or worksheet: its cells by header name, and where it came from
/// (the line number for CSV, the row number for a sheet) so messages can point at it.
/// </summary>
public sealed record TabularRow(int RowNumber, IReadOnlyList<string> Cells, IReadOnlyDictionary<string, int> Columns)
{
    /// <summary>The trimmed cell under <paramref name="column"/>, or "" when the column or cell is absent.</summary>
    public string this[string column] =>
        Columns.TryGetValue(column, out var i) && i < Cells.Count ? Cells[i].Trim() : "";

    /// <summary>The A1 column letter of <paramref name="column"/> (for workbook messages).</summary>
    public string ColumnLetter(string column) => Columns.TryGetValue(column, out var i) ? TabularFile.ColumnLetter(i + 1) : "?";

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);

    /// <summary>The cells' typed values for a worksheet row (numbers stay numbers); null for CSV.</summary>
    public IReadOnlyList<object?>? Raw { get; init; }

    /// <summary>A worksheet cell's number when the cell is numeric, else null (text, CSV, absent).</summary>
    public decimal? NumberAt(string column) =>
        Raw is not null && Columns.TryGetValue(column, out var i) && i < Raw.Count && Raw[i] is double d && double.IsFinite(d)
            ? (decimal)d
            : null;
}
