namespace Analytics.Warehouse.Vocabulary;

/// <summary>
/// A unit, period, indicator or plan that the warehouse does not know, said in both languages with the
/// known names closest to it, so a front end can answer in the user's language (the CLI: a usage error).
/// </summary>
public sealed class UnknownNameException(string vi, string en) : ArgumentException(en)
{
    public string Vi { get; } = vi;

    public string In(bool english) => english ? Message : Vi;

    /// <summary>The refusal of <paramref name="name"/> of a <paramref name="kindVi"/>/<paramref name="kindEn"/>, with close matches among <paramref name="known"/>.</summary>
    public static UnknownNameException Of(string kindVi, string kindEn, string name, IEnumerable<string> known, string? hintVi = null, string? hintEn = null)
    {
        var close = Closest(name, known);
        var vi = $"không có {kindVi} '{name}'" + (close.Count > 0 ? $"; có phải {string.Join(", ", close.Select(c => c + "?"))}" : "") + (hintVi is null ? "." : $". {hintVi}");
        var en = $"unknown {kindEn} '{name}'" + (close.Count > 0 ? $"; did you mean {string.Join(", ", close.Select(c => c + "?"))}" : "") + (hintEn is null ? "." : $". {hintEn}");
        return new UnknownNameException(vi, en);
    }

    /// <summary>Up to three known names equal but for case, starting with it, or within two edits of it.</summary>
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> known)
    {
        var wanted = name.Trim();
        return known
            .Select(k => (Name: k, Score: Score(wanted, k)))
            .Where(k => k.Score < 3)
            .OrderBy(k => k.Score).ThenBy(k => k.Name.Length).ThenBy(k => k.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(k => k.Name)
            .ToList();
    }

    private static int Score(string wanted, string known)
    {
        if (string.Equals(wanted, known, StringComparison.OrdinalIgnoreCase)) return 0;
        if (wanted.Length >= 2 && known.StartsWith(wanted, StringComparison.OrdinalIgnoreCase)) return 1;
        return Distance(wanted.ToUpperInvariant(), known.ToUpperInvariant()) + 1;
    }

    // Levenshtein distance; names are short codes, so the quadratic table is small.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
