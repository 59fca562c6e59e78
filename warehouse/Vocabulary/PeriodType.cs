namespace Analytics.Warehouse.Vocabulary;

/// <summary>The kinds of period in dim_period.period_type.</summary>
public enum PeriodType
{
    Month,
    Quarter,
    Half,
    NineMonths,
    Year,
    Term,
}
