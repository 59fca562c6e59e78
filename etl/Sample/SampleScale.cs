namespace Analytics.Etl.Sample;

/// <summary>How big an organisation the sample generator builds.</summary>
public enum SampleScale
{
    /// <summary>The seeds' provinces and districts, two provinces to merge, a central sector union: ~300 grassroots.</summary>
    Small,

    /// <summary>63 provinces (34 after mid-2025), ~700 direct-upper-level unions, ~126,000 grassroots, ~10.5 million members.</summary>
    National,
}
