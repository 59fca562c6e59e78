using System.Globalization;
using System.Text;

namespace Analytics.Warehouse.Vocabulary;

/// <summary>
/// Folds what people type into one comparable form: NFC or NFD alike, any case, any kind of space
/// (no-break, thin, narrow, ideographic) collapsed, zero-width characters and a stray BOM dropped.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Trims, drops invisible characters and collapses every run of spaces to one ASCII space.</summary>
    public static string CollapseSpaces(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (IsInvisible(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Lower case without diacritics ("Quý I/2024" → "quy i/2024", "đầu" → "dau"), so a period typed
    /// on a keyboard without Vietnamese input still reads.
    /// </summary>
    public static string Fold(string text)
    {
        var collapsed = CollapseSpaces(text).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(collapsed.Length);
        foreach (var c in collapsed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            sb.Append(c switch
            {
                'đ' or 'Đ' => 'd',
                '\u2013' or '\u2014' or '\u2012' or '\u2212' => '-',
                '\uFF0F' or '\u2215' => '/',
                _ => char.ToLowerInvariant(c),
            });
        }

        return sb.ToString();
    }

    public static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';
}
