namespace Analytics.Reports.Data;

/// <summary>How many grassroots unions of a sector got a rating in the year.</summary>
public sealed record SectorRating(string Sector, string Rating, long Units);
