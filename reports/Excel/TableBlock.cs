namespace Analytics.Reports.Excel;

/// <summary>Where a written table sits: header row, first and last data rows (1-based), columns 1..Columns.</summary>
public sealed record TableBlock(string Sheet, int HeaderRow, int FirstRow, int LastRow, int Columns)
{
    public bool IsEmpty => LastRow < FirstRow;
}
