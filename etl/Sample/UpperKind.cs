namespace Analytics.Etl.Sample;

/// <summary>The kinds of direct-upper-level union in the sample.</summary>
internal enum UpperKind
{
    /// <summary>LĐLĐ quận/huyện: closed in mid-2025 with the district level of government.</summary>
    District,

    /// <summary>Công đoàn Viên chức tỉnh: public-sector grassroots; moves with its province.</summary>
    CivilServants,

    /// <summary>Công đoàn các Khu công nghiệp: enterprise grassroots; moves with its province.</summary>
    IndustrialZones,

    /// <summary>Công đoàn Tổng công ty under a central sector union.</summary>
    Corporation,

    /// <summary>Công đoàn khu vực, founded 1 July 2025 to take over the districts' grassroots.</summary>
    Regional,
}
