using Analytics.Warehouse.Vocabulary;
using System.Globalization;
using System.Text;
using Analytics.Etl.Parsing;

namespace Analytics.Etl.Sample;

/// <summary>
/// How one sender writes its files, fixed per sender as a real office keeps its spreadsheet habits:
/// delimiter, BOM, line ends, how the period is spelled, how numbers are grouped, whether a note column is kept.
/// </summary>
internal sealed record SenderStyle(char Delimiter, bool Bom, bool Crlf, int PeriodStyle, int NumberStyle, bool Note, bool TextNumbers)
{
    public static SenderStyle For(int seed, string sender)
    {
        var rng = SampleRandom.For(seed, "style:" + sender, 0);
        return new SenderStyle(
            Delimiter: rng.Chance(0.6) ? ',' : ';',
            Bom: rng.Chance(0.5),
            Crlf: rng.Chance(0.5),
            PeriodStyle: Pick(rng, 0.3, 0.4, 0.15, 0.1),
            NumberStyle: Pick(rng, 0.4, 0.4, 0.12),
            Note: rng.Chance(0.3),
            TextNumbers: rng.Chance(0.3));
    }

    // Index drawn with the given probabilities; the remainder goes to the last index.
    private static int Pick(SampleRandom rng, params double[] weights)
    {
        var roll = rng.NextDouble();
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i])
            {
                return i;
            }

            roll -= weights[i];
        }

        return weights.Length;
    }

    /// <summary>The period as this sender writes it: code, "Quý I/2024", "Quý 1/2024", NFD, lower case.</summary>
    public string Period(PeriodRef period)
    {
        var label = period.Label("vi");
        return PeriodStyle switch
        {
            0 => period.Code,
            1 => label,
            2 => period.Type switch
            {
                PeriodType.Quarter => string.Create(CultureInfo.InvariantCulture, $"Quý {period.Seq}/{period.Year}"),
                PeriodType.Month => string.Create(CultureInfo.InvariantCulture, $"Tháng {period.Seq:00}/{period.Year}"),
                _ => label,
            },
            3 => label.Normalize(NormalizationForm.FormD),
            _ => label.ToLowerInvariant(),
        };
    }

    /// <summary>A whole number as this sender types it: 1520, 1.520, 1 520 or 1 520 with a no-break space.</summary>
    public string Number(long value)
    {
        if (NumberStyle == 0 || Math.Abs(value) < 1000)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var dotted = VietnameseNumber.Format(value);
        return NumberStyle switch
        {
            1 => dotted,
            2 => dotted.Replace('.', ' '),
            _ => dotted.Replace('.', '\u00A0'),
        };
    }
}
