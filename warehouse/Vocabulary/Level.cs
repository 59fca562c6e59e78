namespace Analytics.Warehouse.Vocabulary;

/// <summary>The level of a unit in the organisation (dim_unit.level).</summary>
public enum Level
{
    /// <summary>The national confederation (Tổng Liên đoàn).</summary>
    National = 0,

    /// <summary>Provincial federations and national sector unions.</summary>
    Province = 1,

    /// <summary>Unions directly above grassroots unions (district federations, industrial zones, corporations).</summary>
    Upper = 2,

    /// <summary>Grassroots unions (công đoàn cơ sở, CĐCS): the units that report most indicators.</summary>
    Grassroots = 3,
}

public static class Levels
{
    /// <summary>The level's name in <paramref name="language"/>.</summary>
    public static string Name(this Level level, Language language) => level switch
    {
        Level.National => language.Pick("Tổng Liên đoàn", "national confederation"),
        Level.Province => language.Pick("Liên đoàn lao động tỉnh, thành phố, công đoàn ngành trung ương", "provincial federation or national sector union"),
        Level.Upper => language.Pick("công đoàn cấp trên trực tiếp cơ sở", "union directly above grassroots"),
        _ => language.Pick("công đoàn cơ sở", "grassroots union"),
    };
}
