namespace Analytics.Etl.Sample;

/// <summary>
/// A unit of the sample organisation with its history (one window per parent) and, for grassroots
/// units, the running state the quarterly reports are drawn from.
/// </summary>
internal sealed class SampleUnit(int index, string code, string name, int level, string? sector)
{
    public int Index { get; } = index;
    public string Code { get; } = code;
    public string Name { get; } = name;
    public int Level { get; } = level;

    /// <summary>public | soe | private, grassroots only.</summary>
    public string? Sector { get; } = sector;

    public List<UnitWindow> Windows { get; } = [];
    public string? Successor { get; set; }

    /// <summary>Grassroots: the province whose federation takes it over when a central sector union closes.</summary>
    public string? HomeProvince { get; set; }

    /// <summary>Direct-upper-level unions: what they gather (districts close in 2025, sector unions move).</summary>
    public UpperKind Kind { get; set; }

    // Grassroots state, advanced quarter by quarter.
    public SubmissionChannel Channel { get; set; }
    public bool Started { get; set; }
    public int Workers { get; set; }
    public int Members { get; set; }
    public double TargetRatio { get; set; }
    public bool CbaSigned { get; set; }
    public bool CbaFavorable { get; set; }
    public bool CbaGradeBPlus { get; set; }

    // Grassroots activity state (docs/sample-data.md, "Activities"): how keen the unit is (about -1..1,
    // shifting every activity rate so the same units tend to do well), and the stocks it carries forward.
    public double Engagement { get; set; }
    public double FemaleShare { get; set; }
    public double PledgedShare { get; set; }
    public bool DemocracyRules { get; set; }
    public bool DanVanKheo { get; set; }
    public bool WomenCommittee { get; set; }

    /// <summary>Members in the last quarter report that will be accepted (null: none), for the reconciliation ground truth.</summary>
    public int? LastReportedMembers { get; set; }
    public int LastReportedQuarter { get; set; } = -1;

    // Upper-level state: share of eligible enterprises that have a grassroots union.
    public double Coverage { get; set; }

    public DateOnly FirstDay => Windows[0].From;
    public DateOnly? LastDay => Windows[^1].To;
    public bool IsFounded { get; set; }

    public UnitWindow? WindowAt(DateOnly day)
    {
        foreach (var w in Windows)
        {
            if (w.Contains(day))
            {
                return w;
            }
        }

        return null;
    }

    public bool ActiveAt(DateOnly day) => WindowAt(day) is not null;
}
