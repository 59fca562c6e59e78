namespace Analytics.Warehouse.Plans;

/// <summary>How the actual figure is compared with the target; written as a symbol in plan files.</summary>
public enum TargetComparison
{
    /// <summary>"&gt;=": at least ("75% trở lên", "ít nhất").</summary>
    AtLeast,

    /// <summary>"&gt;": more than ("trên 98%").</summary>
    MoreThan,

    /// <summary>"&lt;=": at most.</summary>
    AtMost,

    /// <summary>"&lt;": less than.</summary>
    LessThan,

    /// <summary>"=": exactly.</summary>
    Equal,

    /// <summary>"between": from Min to Max inclusive ("600 - 700").</summary>
    Between,
}
