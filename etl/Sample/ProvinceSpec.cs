namespace Analytics.Etl.Sample;

/// <summary>
/// A province-level federation in the sample: its code and name, how many district-level unions it had
/// before mid-2025, its share of grassroots unions, the province that absorbed it in the 2025 merger
/// (null if it absorbed others or stayed as it was), and whether its grassroots went directly under the
/// province when the districts closed (instead of under regional unions "Công đoàn khu vực").
/// </summary>
internal sealed record ProvinceSpec(
    string Code, string Name, int Districts, double Weight, string? MergedInto, bool ProvinceDirect, bool IndustrialZones);
