using Xunit;

namespace Analytics.Etl.Tests.Sample;

/// <summary>One row of units.csv.</summary>
internal sealed record UnitRow(
    string Code, string Name, string? Parent, int Level, string? Sector, DateOnly From, DateOnly? To, string? Successor)
{
    public bool Contains(DateOnly day) => From <= day && (To is null || day <= To);

    public static List<UnitRow> ReadAll(string path)
    {
        var (_, _, rows) = CsvText.Read(path);
        Assert.Equal("unit_code,name,parent_code,level,sector,valid_from,valid_to,successor_code", string.Join(',', rows[0]));
        return rows.Skip(1).Select(r => new UnitRow(
            r[0], r[1], Empty(r[2]), int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture), Empty(r[4]),
            DateOnly.ParseExact(r[5], "yyyy-MM-dd"), Empty(r[6]) is { } to ? DateOnly.ParseExact(to, "yyyy-MM-dd") : null,
            Empty(r[7]))).ToList();
    }

    private static string? Empty(string s) => s.Length == 0 ? null : s;
}
