namespace Analytics.Warehouse.Plans;

/// <summary>
/// One plan (kế hoạch) or directive (chỉ thị) as read from a file in warehouse/Plans; its targets'
/// scope is the subtree of <see cref="IssuerCode"/>. See docs/plans.md.
/// </summary>
public sealed record PlanDefinition(
    string PlanId,
    string? Number,
    string DocumentType,
    string IssuerCode,
    string IssuerName,
    DateOnly IssuedOn,
    string Term,
    int TermStart,
    int TermEnd,
    string TitleVi,
    string TitleEn,
    string Source,
    string? Note,
    string FileName,
    IReadOnlyList<TargetDefinition> Targets);
