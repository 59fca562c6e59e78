using Analytics.Etl.Ingest;
using Analytics.Etl.Parsing;

namespace Analytics.Etl.Tests.Ingest;

/// <summary>Ingest reads most numbers through shortcuts; they must read exactly what the general parser reads.</summary>
public sealed class ValueParsingTests
{
    [Theory]
    [InlineData("1.520", 1520)]
    [InlineData("92.549.000", 92549000)]
    [InlineData("128.703.000", 128703000)]
    [InlineData("123.456.789.012.345.678", 123456789012345678)]
    public void DotGroupedAmountsAreReadAsWholeNumbers(string text, long expected)
    {
        Assert.Equal(expected, ValueParsing.DotGroupedWhole(text));
        Assert.Equal(expected, ValueParsing.Number(text, NumberKind.Count, out _));
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("0.520")]
    [InlineData("1234.567")]
    [InlineData("1.52.000")]
    [InlineData("1.520.")]
    [InlineData(".520")]
    [InlineData("1 520")]
    [InlineData("1.520,5")]
    public void AnythingElseIsLeftToTheGeneralParser(string text) => Assert.Null(ValueParsing.DotGroupedWhole(text));

    [Fact]
    public void EveryShortStringOfDigitsAndDotsIsReadAsTheGeneralParserReadsIt()
    {
        // Exhaustive over an alphabet that covers leading zeros, group sizes and misplaced dots.
        var alphabet = new[] { '0', '1', '9', '.' };
        var checkedCount = 0;
        for (var length = 1; length <= 8; length++)
        {
            var indexes = new int[length];
            while (true)
            {
                var text = new string([.. indexes.Select(i => alphabet[i])]);
                foreach (var count in new[] { false, true })
                {
                    var general = VietnameseNumber.TryParse(text, count ? NumberKind.Count : NumberKind.Amount, out var expected, out _);
                    var fast = ValueParsing.Number(text, count ? NumberKind.Count : NumberKind.Amount, out var error);
                    Assert.True(general == fast.HasValue, $"'{text}': general parser {(general ? "reads it" : "refuses it")}, ingest {(fast.HasValue ? "reads it" : "refuses it")}");
                    if (general) Assert.Equal(expected, fast!.Value);
                    else Assert.NotNull(error);
                    if (ValueParsing.PlainWhole(text) is { } whole) Assert.Equal(expected, whole);
                }
                checkedCount++;
                var k = length - 1;
                while (k >= 0 && ++indexes[k] == alphabet.Length) indexes[k--] = 0;
                if (k < 0) break;
            }
        }
        Assert.Equal(Enumerable.Range(1, 8).Sum(n => (int)Math.Pow(4, n)), checkedCount);
    }

    [Fact]
    public void WholeNumbersInContentHashesAreWrittenAsRoundTripFormattingWritesThem()
    {
        // Warehouses keep content hashes: the integer shortcut must hash exactly the old text.
        var random = new Random(7);
        var values = new List<double> { 0, 1, 9, 10, 999_999, 1e14, 1e15 - 1, 1e15, 1e16, Math.Pow(2, 55), 123456789012345678, 123456789012345, 0.5, 12.25, 1520.000001, double.MaxValue };
        for (var i = 0; i < 2000; i++) values.Add(Math.Floor(random.NextDouble() * Math.Pow(10, random.Next(1, 17))));
        foreach (var value in values)
        {
            var shortcut = new HashText();
            shortcut.AppendRoundTrip(value);
            var plain = new HashText();
            plain.Append(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(plain.Sha256Hex() == shortcut.Sha256Hex(), $"{value:R}");
            shortcut.Dispose();
            plain.Dispose();
        }
    }
}
