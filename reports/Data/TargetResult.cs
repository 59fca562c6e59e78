using Analytics.Reports.Charts;

namespace Analytics.Reports.Data;

/// <summary>
/// One target of a plan scorecard: what it asks (Text as the document words it, ShortName as a chart
/// shows it, Target as a number and TargetText as written),
/// the actual figure, the attainment ratio, a status (<see cref="TargetStatus"/>) and the sentence
/// explaining it.
/// </summary>
public sealed record TargetResult(
    string TargetId,
    string Group,
    string GroupLabel,
    string Text,
    string ShortName,
    string Period,
    double? Actual,
    double? Target,
    string TargetText,
    double? Ratio,
    TargetStatus Status,
    string Explanation,
    ValueFormat Format);
