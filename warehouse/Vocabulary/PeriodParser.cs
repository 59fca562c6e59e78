using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Warehouse.Vocabulary;

/// <summary>
/// Reads a period however units write it: canonical codes (<c>2024-Q1</c>, <c>2024-H2</c>, <c>2024-9M</c>,
/// <c>2024-03</c>, <c>2024</c>, <c>2021-2025</c>) and the Vietnamese spellings of the plans ("Quý I/2024",
/// "6 tháng đầu năm 2024", "9 tháng năm 2024", "Tháng 3/2024", "Năm 2024", "Nhiệm kỳ 2021-2025"),
/// in NFC or NFD, any case, with or without diacritics, with any spaces.
/// </summary>
public static partial class PeriodParser
{
    private const int MinYear = 1900;
    private const int MaxYear = 2199;

    public static bool TryParse(
        string? text,
        [NotNullWhen(true)] out PeriodRef? period,
        [NotNullWhen(false)] out ParseError? error)
    {
        period = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new ParseError("Kỳ báo cáo để trống.", "The period is empty.");
            return false;
        }

        // Spaces around separators carry no meaning: "Quý I / 2024", "2024 - Q1".
        var s = SpacesAroundSeparator().Replace(TextNormalizer.Fold(text), "$1");
        var m = Pattern().Match(s);
        if (!m.Success)
        {
            error = Unrecognised(text);
            return false;
        }

        var year = Number(m.Groups["y"].Value);
        if (year is < MinYear or > MaxYear)
        {
            error = new ParseError(
                $"Năm {year} trong kỳ báo cáo \"{text.Trim()}\" không hợp lệ.",
                $"The year {year} in the period \"{text.Trim()}\" is not valid.");
            return false;
        }

        if (m.Groups["year"].Success)
        {
            period = PeriodRef.WholeYear(year);
        }
        else if (m.Groups["q"].Success)
        {
            var q = Quarter(m.Groups["q"].Value);
            if (q == 0)
            {
                error = new ParseError(
                    $"Quý \"{m.Groups["q"].Value}\" trong \"{text.Trim()}\" không tồn tại; quý chỉ từ I đến IV (hoặc 1 đến 4).",
                    $"Quarter \"{m.Groups["q"].Value}\" in \"{text.Trim()}\" does not exist; quarters run from I to IV (or 1 to 4).");
                return false;
            }

            period = PeriodRef.Quarter(year, q);
        }
        else if (m.Groups["m"].Success)
        {
            var month = Number(m.Groups["m"].Value);
            if (month is < 1 or > 12)
            {
                error = new ParseError(
                    $"Tháng {month} trong \"{text.Trim()}\" không tồn tại; tháng chỉ từ 1 đến 12.",
                    $"Month {month} in \"{text.Trim()}\" does not exist; months run from 1 to 12.");
                return false;
            }

            period = PeriodRef.Month(year, month);
        }
        else if (m.Groups["half"].Success)
        {
            period = PeriodRef.Half(year, m.Groups["h"].Value is "2" or "cuoi" ? 2 : 1);
        }
        else if (m.Groups["nine"].Success)
        {
            period = PeriodRef.NineMonths(year);
        }
        else
        {
            var end = Number(m.Groups["end"].Value);
            // dim_period holds the five-year congress terms the plans use: 2016-2020, 2021-2025, …
            if (end != year + 4 || (year - 2016) % 5 != 0)
            {
                error = new ParseError(
                    $"\"{text.Trim()}\" không phải một nhiệm kỳ 5 năm (ví dụ 2021-2025, 2026-2030).",
                    $"\"{text.Trim()}\" is not a five-year term (for example 2021-2025, 2026-2030).");
                return false;
            }

            period = PeriodRef.Term(year);
        }

        error = null;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> with the Vietnamese message.</summary>
    public static PeriodRef Parse(string text) =>
        TryParse(text, out var period, out var error) ? period : throw new FormatException(error.Vi);

    private static ParseError Unrecognised(string text) => new(
        $"Không hiểu kỳ báo cáo \"{text.Trim()}\". Hãy ghi ví dụ: Quý I/2024, 6 tháng đầu năm 2024, 9 tháng năm 2024, Năm 2024, Tháng 3/2024, hoặc 2024-Q1, 2024-H1, 2024-9M, 2024, 2024-03.",
        $"The period \"{text.Trim()}\" is not understood. Write for example: 2024-Q1, 2024-H1, 2024-9M, 2024, 2024-03, or Quý I/2024, 6 tháng đầu năm 2024, Năm 2024, Tháng 3/2024.");

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int Quarter(string token) => token switch
    {
        "1" or "i" => 1,
        "2" or "ii" => 2,
        "3" or "iii" => 3,
        "4" or "iv" => 4,
        _ => 0,
    };

    [GeneratedRegex(@" ?([/\-]) ?")]
    private static partial Regex SpacesAroundSeparator();

    // Input is already folded: lower case, no diacritics, single spaces, none around / and -.
    // "6 tháng năm 2024" without đầu/cuối is how plans title the first-half review ("sơ kết 6 tháng").
    [GeneratedRegex("""
        ^(?:
            (?:nam\ )?(?<year>)(?<y>\d{4})
          | (?<half>)(?<y>\d{4})-h(?<h>[12])
          | (?<half>)6\ thang\ (?:(?<h>dau|cuoi)\ )?nam\ (?<y>\d{4})
          | (?<nine>)(?<y>\d{4})-9m
          | (?<nine>)9\ thang\ (?:dau\ )?nam\ (?<y>\d{4})
          | (?<y>\d{4})-q(?<q>\d)
          | quy\ (?<q>[ivx]+|\d)(?:/|-|\ nam\ )(?<y>\d{4})
          | (?<y>\d{4})-(?<m>\d{1,2})
          | thang\ (?<m>\d{1,2})(?:/|-|\ nam\ )(?<y>\d{4})
          | (?:nhiem\ ky\ )?(?<y>\d{4})-(?<end>\d{4})
        )$
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
