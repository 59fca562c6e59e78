namespace Analytics.Warehouse.ReferenceData;

/// <summary>Which level of the hierarchy reports an indicator (see dim_indicator.reported_by).</summary>
public enum IndicatorReporter
{
    /// <summary>Level 3: công đoàn cơ sở (CĐCS).</summary>
    Grassroots,

    /// <summary>Level 2: units whose children are grassroots unions (LĐLĐ quận/huyện, công đoàn ngành, …).</summary>
    Upper,

    /// <summary>Level 1: LĐLĐ tỉnh/thành phố.</summary>
    Province,

    /// <summary>Computed by the warehouse, never reported.</summary>
    Derived,
}
