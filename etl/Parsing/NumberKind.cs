namespace Analytics.Etl.Parsing;

/// <summary>What a submitted number stands for; it shapes the messages and which words are read.</summary>
public enum NumberKind
{
    /// <summary>A count of people, units, cases (validation refuses fractions; see <see cref="VietnameseNumber.IsWhole"/>).</summary>
    Count,

    /// <summary>An amount of money in VND, decimals allowed.</summary>
    Amount,

    /// <summary>A 0/1 indicator; "có"/"không" (yes/no) are read as 1/0.</summary>
    Flag,
}
