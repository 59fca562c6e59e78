using System.Text.RegularExpressions;

namespace Analytics.Tests.Shared;

/// <summary>
/// Finds English sentences in text meant for Vietnamese readers: a run of at least three words
/// written in plain ASCII letters, two or more of them common English words ("the", "is", "not",
/// "file", …). Codes and identifiers (GLM-A, members_admitted, 2024-Q1, SQL keywords in upper case,
/// file names) are not words here, and Vietnamese is written with diacritics, so neither is flagged.
/// Linked into the test projects that check Vietnamese output (CLI, pages, workbooks, SVG).
/// </summary>
public static partial class EnglishInVietnamese
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "to", "is", "are", "was", "were", "be", "been", "not", "no", "and", "or", "for",
        "with", "from", "by", "on", "at", "this", "that", "these", "it", "its", "has", "have", "had", "can", "cannot",
        "must", "will", "would", "should", "please", "there", "which", "who", "what", "when", "where", "than",
        "file", "folder", "unknown", "missing", "error", "found", "data", "report", "reports", "unit", "units",
        "target", "targets", "period", "value", "values", "yet", "only", "all", "none", "nothing", "given", "measured",
        "reported", "year", "members", "workers", "rate", "share", "plan", "page", "sign", "time",
    };

    /// <summary>Each English-looking run in <paramref name="text"/>, as it appears.</summary>
    public static IReadOnlyList<string> Find(string text)
    {
        var hits = new List<string>();
        var run = new List<string>();
        void Close()
        {
            if (run.Count >= 3 && run.Count(w => Common.Contains(w)) >= 2) hits.Add(string.Join(' ', run));
            run.Clear();
        }
        foreach (Match m in Token().Matches(text))
        {
            var word = m.Value;
            if (IsPlainWord(word)) run.Add(word);
            else Close();
        }
        Close();
        return hits;
    }

    /// <summary>Every hit over many texts, each with where it came from, for one readable failure.</summary>
    public static IReadOnlyList<string> FindAll(IEnumerable<(string Where, string Text)> texts) =>
        [.. texts.SelectMany(t => Find(t.Text).Select(hit => $"{t.Where}: \"{hit}\""))];

    // Lower-case or capitalised ASCII letters only: not a code (GLM-A, SQL), not an identifier (a_b), not a number.
    private static bool IsPlainWord(string word) =>
        word.Length > 0 && word.All(char.IsAsciiLetter) && (word.Length == 1 || !word.All(char.IsAsciiLetterUpper));

    // Words, with the characters that make codes and identifiers kept inside the token (a|b lists allowed values).
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}_./:@|-]+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
