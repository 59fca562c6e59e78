namespace Analytics.Warehouse.Figures;

/// <summary>
/// Grassroots unions of one sector with one rating category in a subtree and year (<see cref="Metrics.Ratings"/>):
/// the <c>rated</c> figure split by the category each unit was counted with.
/// </summary>
public sealed record RatingCount(string Sector, string Category, long Units);
