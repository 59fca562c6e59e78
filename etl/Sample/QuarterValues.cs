namespace Analytics.Etl.Sample;

/// <summary>One grassroots union's true figures for one quarter (CBA flags null for public-sector units).</summary>
internal readonly record struct QuarterValues(
    int Workers, int Members, int Admitted, int Left, int Party, long Collected, long Budget,
    int? CbaSigned, int? CbaFavorable, int? CbaGradeBPlus,
    int DemocracyRules, int DanVanKheo, int Pledged);
