namespace Analytics.Warehouse.Plans;

/// <summary>The kinds of target the seed plans set (issue 4); written snake_case in plan files.</summary>
public enum TargetShape
{
    /// <summary>A floor or ceiling on a share, checked each year ("≥ 55% of non-state CĐCS rated good").</summary>
    Rate,

    /// <summary>A count inside [min, max] each year ("600–700 new members a year").</summary>
    Range,

    /// <summary>A count summed over the years of the target ("70,000 new members in 2021–2025").</summary>
    Cumulative,

    /// <summary>An average per grassroots union each year ("≥ 1 member introduced to the Party per CĐCS").</summary>
    PerUnit,

    /// <summary>A level to reach by a date ("about 18,000 members by 2023", "> 85% CBA coverage by 2030").</summary>
    Milestone,

    /// <summary>Something done by a date, as a yes/no share or a count ("each CĐCS registers a model by 22/02/2021").</summary>
    Deadline,
}
