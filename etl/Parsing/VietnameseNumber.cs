using Analytics.Warehouse.Vocabulary;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Analytics.Etl.Parsing;

/// <summary>
/// Reads numbers as people type them in Vietnam, where the dot groups thousands and the comma marks
/// decimals: <c>1.520</c> and <c>1 520</c> are 1520, <c>1.186.400</c> is 1186400, <c>12,5</c> is 12.5.
/// </summary>
/// <remarks>
/// The rules, in order (docs/sample-data.md repeats them for analysts):
/// <list type="number">
/// <item>Surrounding spaces of any kind (no-break, thin, narrow no-break) are ignored; a leading
/// <c>-</c>, <c>+</c> or <c>−</c> is the sign (negativity is judged by validation, not here).</item>
/// <item><c>%</c> is refused: units submit counts and amounts; rates are computed by the warehouse.</item>
/// <item>With both <c>.</c> and <c>,</c>, the last one is the decimal mark and the other groups thousands
/// (<c>1.520,5</c> and <c>1,520.5</c> are both 1520.5).</item>
/// <item>Several dots, or several commas: they group thousands (<c>1.186.400</c>, <c>1,186,400</c>).</item>
/// <item>One dot followed by exactly three digits, after 1–3 digits not starting with 0, groups thousands
/// (<c>1.520</c> = 1520, the Vietnamese reading); any other single dot is a decimal point (<c>12.5</c>,
/// <c>0.520</c>, <c>3.14159</c>), since no Vietnamese grouping can produce it.</item>
/// <item>One comma is always the decimal mark (<c>12,5</c> = 12.5, and <c>1,520</c> = 1.52: a count typed
/// that way then fails validation as a fraction instead of being guessed).</item>
/// <item>Spaces inside the number group thousands and may be combined with a decimal comma
/// (<c>1 520,5</c>), never with a dot (<c>1 520.000</c> is ambiguous and refused).</item>
/// <item>Groups after the first have exactly three digits; anything else (letters, <c>1.52.0</c>,
/// <c>1e6</c>, <c>(5)</c>) is an error, never a guess.</item>
/// </list>
/// </remarks>
public static class VietnameseNumber
{
    private static readonly NumberFormatInfo VietnameseFormat = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NegativeSign = "-",
    };

    public static bool TryParse(string? text, NumberKind kind, out decimal value, [NotNullWhen(false)] out ParseError? error)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new ParseError("Ô giá trị để trống.", "The value is empty.");
            return false;
        }

        var s = TextNormalizer.CollapseSpaces(text);
        if (s.Contains('%', StringComparison.Ordinal))
        {
            error = new ParseError(
                $"\"{s}\" là tỷ lệ phần trăm; hãy nhập số lượng hoặc số tiền, tỷ lệ do hệ thống tự tính.",
                $"\"{s}\" is a percentage; enter the count or the amount, rates are computed by the system.");
            return false;
        }

        if (kind == NumberKind.Flag)
        {
            switch (TextNormalizer.Fold(s))
            {
                case "co" or "yes" or "true":
                    value = 1;
                    error = null;
                    return true;
                case "khong" or "no" or "false":
                    value = 0;
                    error = null;
                    return true;
            }
        }

        var negative = false;
        var body = s;
        if (body[0] is '-' or '+' or '\u2212')
        {
            negative = body[0] != '+';
            body = body[1..].TrimStart(' ');
        }

        if (!TryNormalize(body, out var invariant))
        {
            error = NotANumber(s, kind);
            return false;
        }

        if (!decimal.TryParse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            error = new ParseError($"Số \"{s}\" quá lớn.", $"The number \"{s}\" is too large.");
            return false;
        }

        if (negative)
        {
            value = -value;
        }

        error = null;
        return true;
    }

    /// <summary>True when <paramref name="value"/> has no fractional part (what a count must have).</summary>
    public static bool IsWhole(decimal value) => value == decimal.Truncate(value);

    /// <summary>Writes a number the Vietnamese way: <c>1.186.400</c>, <c>12,5</c>, <c>-3</c>.</summary>
    public static string Format(decimal value) => value.ToString("#,0.############################", VietnameseFormat);

    private static ParseError NotANumber(string s, NumberKind kind) => kind switch
    {
        NumberKind.Flag => new ParseError(
            $"\"{s}\" không phải giá trị hợp lệ; hãy nhập 1 (có) hoặc 0 (không).",
            $"\"{s}\" is not a valid value; enter 1 (yes) or 0 (no)."),
        NumberKind.Amount => new ParseError(
            $"\"{s}\" không phải số tiền; hãy nhập số, ví dụ 1.520.000 hoặc 12,5.",
            $"\"{s}\" is not an amount; enter a number, for example 1.520.000 or 12,5."),
        _ => new ParseError(
            $"\"{s}\" không phải số; hãy nhập số nguyên, ví dụ 1.520.",
            $"\"{s}\" is not a number; enter a whole number, for example 1.520."),
    };

    // Rewrites the digits to invariant form ("1186400.5") or fails.
    private static bool TryNormalize(string body, out string invariant)
    {
        invariant = "";
        if (body.Length == 0 || !char.IsAsciiDigit(body[0]) || !char.IsAsciiDigit(body[^1]))
        {
            return false;
        }

        int dots = 0, commas = 0, spaces = 0;
        foreach (var c in body)
        {
            switch (c)
            {
                case '.': dots++; break;
                case ',': commas++; break;
                case ' ': spaces++; break;
                default:
                    if (!char.IsAsciiDigit(c))
                    {
                        return false;
                    }

                    break;
            }
        }

        char? group;
        char? decimalMark;
        if (dots > 0 && commas > 0)
        {
            decimalMark = body.LastIndexOf('.') > body.LastIndexOf(',') ? '.' : ',';
            group = decimalMark == '.' ? ',' : '.';
            if ((decimalMark == '.' ? dots : commas) != 1 || spaces > 0)
            {
                return false;
            }
        }
        else if (spaces > 0)
        {
            if (dots > 0 || commas > 1)
            {
                return false;
            }

            group = ' ';
            decimalMark = commas == 1 ? ',' : null;
        }
        else if (dots > 1 || commas > 1)
        {
            group = dots > 1 ? '.' : ',';
            decimalMark = null;
        }
        else if (dots == 1)
        {
            var at = body.IndexOf('.', StringComparison.Ordinal);
            var thousands = body.Length - at - 1 == 3 && at <= 3 && body[0] != '0';
            group = thousands ? '.' : null;
            decimalMark = thousands ? null : '.';
        }
        else
        {
            group = null;
            decimalMark = commas == 1 ? ',' : null;
        }

        var integerPart = body;
        var fraction = "";
        if (decimalMark is { } mark)
        {
            var at = body.LastIndexOf(mark);
            integerPart = body[..at];
            fraction = body[(at + 1)..];
            if (fraction.Length == 0 || !fraction.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        var sb = new StringBuilder(body.Length);
        if (group is { } g)
        {
            var groups = integerPart.Split(g);
            // A leading zero group ("0.520.000") is no grouping anyone writes.
            if (groups[0].Length is < 1 or > 3 || !groups[0].All(char.IsAsciiDigit) || groups[0][0] == '0')
            {
                return false;
            }

            for (var i = 1; i < groups.Length; i++)
            {
                if (groups[i].Length != 3 || !groups[i].All(char.IsAsciiDigit))
                {
                    return false;
                }
            }

            foreach (var part in groups)
            {
                sb.Append(part);
            }
        }
        else
        {
            if (integerPart.Length == 0 || !integerPart.All(char.IsAsciiDigit))
            {
                return false;
            }

            sb.Append(integerPart);
        }

        if (fraction.Length > 0)
        {
            sb.Append('.').Append(fraction);
        }

        invariant = sb.ToString();
        return true;
    }
}
