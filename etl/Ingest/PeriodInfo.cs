namespace Analytics.Etl.Ingest;

/// <summary>A row of dim_period. <see cref="End"/> is inclusive.</summary>
public sealed record PeriodInfo(int Id, string Code, string Type, int Year, int Seq, DateOnly Start, DateOnly End, string LabelVi, string LabelEn)
{
    public string Label(bool english) => english ? LabelEn : LabelVi;
}
