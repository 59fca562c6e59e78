namespace Analytics.Warehouse.Vocabulary;

/// <summary>The language of what users read: Vietnamese by default, English on request (`--lang en`, the lang cookie).</summary>
public enum Language
{
    Vi,
    En,
}

public static class Languages
{
    /// <summary>"vi" or "en"; anything else is refused, so a typo never silently gives Vietnamese.</summary>
    public static Language Parse(string code) => code switch
    {
        "vi" => Language.Vi,
        "en" => Language.En,
        _ => throw new ArgumentException($"the language must be vi or en, not '{code}'."),
    };

    public static Language From(bool english) => english ? Language.En : Language.Vi;

    /// <summary>The code the command line, the settings and the period labels use.</summary>
    public static string Code(this Language language) => language == Language.En ? "en" : "vi";

    public static bool IsEnglish(this Language language) => language == Language.En;

    /// <summary>The text in this language.</summary>
    public static string Pick(this Language language, string vi, string en) => language == Language.En ? en : vi;
}
