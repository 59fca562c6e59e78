namespace Analytics.Warehouse.Vocabulary;

/// <summary>
/// The sector of a grassroots union, as the registry, the catalog and the plans write it:
/// public (agencies, public services), soe (state-owned enterprises), private (non-state enterprises).
/// </summary>
public static class Sector
{
    public const string Public = "public";
    public const string StateOwned = "soe";
    public const string Private = "private";

    /// <summary>Every sector code, in the order reports show them.</summary>
    public static readonly IReadOnlyList<string> Codes = [Public, StateOwned, Private];

    public static bool IsKnown(string code) => Codes.Contains(code);

    /// <summary>The sector's name in <paramref name="language"/>; an unknown code as it is.</summary>
    public static string Name(string code, Language language) => code switch
    {
        Public => language.Pick("Hành chính, sự nghiệp", "Public sector (agencies, public services)"),
        StateOwned => language.Pick("Doanh nghiệp nhà nước", "State-owned enterprises"),
        Private => language.Pick("Doanh nghiệp ngoài nhà nước", "Non-state enterprises"),
        _ => code,
    };
}
