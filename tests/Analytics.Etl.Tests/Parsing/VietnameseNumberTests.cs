using Analytics.Etl.Parsing;
using Xunit;

namespace Analytics.Etl.Tests.Parsing;

public sealed class VietnameseNumberTests
{
    [Theory]
    [InlineData("1520", "1520")]
    [InlineData("0", "0")]
    [InlineData("1.520", "1520")]
    [InlineData("1 520", "1520")]
    [InlineData("1\u00A0520", "1520")]
    [InlineData("1\u202F520", "1520")]
    [InlineData("1\u2009520", "1520")]
    [InlineData("1.186.400", "1186400")]
    [InlineData("1 186 400", "1186400")]
    [InlineData("12.345.678.900", "12345678900")]
    [InlineData("12,5", "12.5")]
    [InlineData("0,75", "0.75")]
    [InlineData("1.520,5", "1520.5")]
    [InlineData("1 520,5", "1520.5")]
    [InlineData("1,520.5", "1520.5")]
    [InlineData("1,186,400", "1186400")]
    [InlineData("12.5", "12.5")]
    [InlineData("12.50", "12.5")]
    [InlineData("0.520", "0.52")]
    [InlineData("3.14159", "3.14159")]
    [InlineData("1,520", "1.52")]
    [InlineData("  1.520  ", "1520")]
    [InlineData("\u00A01.520\u00A0", "1520")]
    [InlineData("\uFEFF1520", "1520")]
    [InlineData("-3", "-3")]
    [InlineData("- 3", "-3")]
    [InlineData("\u22123", "-3")]
    [InlineData("+7", "7")]
    [InlineData("-1.520", "-1520")]
    [InlineData("007", "7")]
    public void EveryVietnameseSpellingReadsAsItsValue(string text, string expected)
    {
        Assert.True(VietnameseNumber.TryParse(text, NumberKind.Amount, out var value, out var error), error?.En);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("78,4%")]
    [InlineData("78 %")]
    [InlineData("100%")]
    public void PercentagesAreRefusedBecauseUnitsSubmitCounts(string text)
    {
        Assert.False(VietnameseNumber.TryParse(text, NumberKind.Count, out _, out var error));
        Assert.Contains("phần trăm", error.Vi, StringComparison.Ordinal);
        Assert.Contains("percentage", error.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("không rõ")]
    [InlineData("mười hai")]
    [InlineData("12a")]
    [InlineData("1.52.0")]
    [InlineData("1.5200.000")]
    [InlineData("1.520.00")]
    [InlineData("1 52")]
    [InlineData("1 520.000")]
    [InlineData("1.520,5,5")]
    [InlineData("1,520.5.5")]
    [InlineData(".5")]
    [InlineData(",5")]
    [InlineData("5.")]
    [InlineData("5,")]
    [InlineData("1e6")]
    [InlineData("(5)")]
    [InlineData("--5")]
    [InlineData("1 520 đ")]
    [InlineData("0.520.000")]
    [InlineData("1234.567.890")]
    public void TextThatIsNotANumberIsAnErrorNeverAGuess(string text)
    {
        Assert.False(VietnameseNumber.TryParse(text, NumberKind.Amount, out var value, out var error));
        Assert.Equal(0m, value);
        Assert.False(string.IsNullOrWhiteSpace(error.Vi));
        Assert.False(string.IsNullOrWhiteSpace(error.En));
    }

    [Fact]
    public void ANumberTooLargeForADecimalIsAnError()
    {
        Assert.False(VietnameseNumber.TryParse("999.999.999.999.999.999.999.999.999.999", NumberKind.Amount, out _, out var error));
        Assert.Contains("too large", error.En, StringComparison.Ordinal);
    }

    [Fact]
    public void AFractionalCountIsParsedAndLeftToValidation()
    {
        Assert.True(VietnameseNumber.TryParse("12,5", NumberKind.Count, out var value, out _));

        Assert.Equal(12.5m, value);
        Assert.False(VietnameseNumber.IsWhole(value));
    }

    [Theory]
    [InlineData("12", true)]
    [InlineData("12,0", true)]
    [InlineData("12,5", false)]
    [InlineData("-3", true)]
    [InlineData("0,001", false)]
    public void IsWholeTellsWhetherACountCouldBeValid(string text, bool whole)
    {
        Assert.True(VietnameseNumber.TryParse(text, NumberKind.Count, out var value, out _));
        Assert.Equal(whole, VietnameseNumber.IsWhole(value));
    }

    [Theory]
    [InlineData("1", 1)]
    [InlineData("0", 0)]
    [InlineData("Có", 1)]
    [InlineData("có", 1)]
    [InlineData("Không", 0)]
    [InlineData("KHÔNG", 0)]
    [InlineData("yes", 1)]
    [InlineData("no", 0)]
    public void FlagsReadDigitsAndYesNoWords(string text, int expected)
    {
        Assert.True(VietnameseNumber.TryParse(text, NumberKind.Flag, out var value, out var error), error?.En);
        Assert.Equal(expected, value);
    }

    [Fact]
    public void YesNoWordsAreNotNumbersForCounts()
    {
        Assert.False(VietnameseNumber.TryParse("có", NumberKind.Count, out _, out var error));
        Assert.Contains("không phải số", error.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void AFlagErrorTellsTheUnitToEnterOneOrZero()
    {
        Assert.False(VietnameseNumber.TryParse("đã ký", NumberKind.Flag, out _, out var error));
        Assert.Contains("1 (có) hoặc 0 (không)", error.Vi, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1520", "1.520")]
    [InlineData("1186400", "1.186.400")]
    [InlineData("12.5", "12,5")]
    [InlineData("0", "0")]
    [InlineData("-3", "-3")]
    [InlineData("999", "999")]
    public void FormatWritesTheVietnameseWayAndReadsBack(string invariant, string vietnamese)
    {
        var value = decimal.Parse(invariant, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(vietnamese, VietnameseNumber.Format(value));
        Assert.True(VietnameseNumber.TryParse(vietnamese, NumberKind.Amount, out var back, out _));
        Assert.Equal(value, back);
    }
}
