using Analytics.Warehouse.Vocabulary;
using System.Text;
using Xunit;

namespace Analytics.Warehouse.Tests.Vocabulary;

public sealed class PeriodParserTests
{
    public static TheoryData<string, string, string> Spellings => new()
    {
        { "2024", "2024", "year" },
        { "Năm 2024", "2024", "year" },
        { "năm 2024", "2024", "year" },
        { "NĂM 2024", "2024", "year" },
        { "2024-H1", "2024-H1", "half" },
        { "2024-h2", "2024-H2", "half" },
        { "6 tháng đầu năm 2024", "2024-H1", "half" },
        { "6 tháng cuối năm 2024", "2024-H2", "half" },
        { "6 THÁNG CUỐI NĂM 2024", "2024-H2", "half" },
        { "6 tháng năm 2024", "2024-H1", "half" },
        { "2024-9M", "2024-9M", "nine_months" },
        { "2024-9m", "2024-9M", "nine_months" },
        { "9 tháng năm 2024", "2024-9M", "nine_months" },
        { "9 tháng đầu năm 2024", "2024-9M", "nine_months" },
        { "2024-Q1", "2024-Q1", "quarter" },
        { "2024-q4", "2024-Q4", "quarter" },
        { "Quý I/2024", "2024-Q1", "quarter" },
        { "Quý II/2024", "2024-Q2", "quarter" },
        { "Quý III/2024", "2024-Q3", "quarter" },
        { "Quý IV/2024", "2024-Q4", "quarter" },
        { "quý iv/2024", "2024-Q4", "quarter" },
        { "QUÝ III/2024", "2024-Q3", "quarter" },
        { "Quý 1/2024", "2024-Q1", "quarter" },
        { "Quý 4/2024", "2024-Q4", "quarter" },
        { "Quý II năm 2024", "2024-Q2", "quarter" },
        { "Quý I - 2024", "2024-Q1", "quarter" },
        { "2024-03", "2024-03", "month" },
        { "2024-12", "2024-12", "month" },
        { "2024-3", "2024-03", "month" },
        { "Tháng 3/2024", "2024-03", "month" },
        { "Tháng 03/2024", "2024-03", "month" },
        { "tháng 12/2024", "2024-12", "month" },
        { "Tháng 3 năm 2024", "2024-03", "month" },
        { "2021-2025", "2021-2025", "term" },
        { "Nhiệm kỳ 2026-2030", "2026-2030", "term" },
        { "2021 – 2025", "2021-2025", "term" },
        { "Quy I/2024", "2024-Q1", "quarter" },
        { "6 thang dau nam 2024", "2024-H1", "half" },
        { "Thang 3/2024", "2024-03", "month" },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void EverySpellingInNfcReadsAsTheCanonicalCode(string text, string code, string type)
    {
        Assert.True(PeriodParser.TryParse(text.Normalize(NormalizationForm.FormC), out var period, out var error), error?.En);
        Assert.Equal(code, period.Code);
        Assert.Equal(type, period.TypeName);
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void EverySpellingInNfdReadsAsTheCanonicalCode(string text, string code, string type)
    {
        var nfd = text.Normalize(NormalizationForm.FormD);
        Assert.True(PeriodParser.TryParse(nfd, out var period, out var error), error?.En);
        Assert.Equal(code, period.Code);
        Assert.Equal(type, period.TypeName);
    }

    [Theory]
    [InlineData("  Quý I/2024  ")]
    [InlineData("Quý  I /2024")]
    [InlineData("Quý\u00A0I/2024")]
    [InlineData("Quý\u2009I\u202F/\u00A02024")]
    [InlineData("\uFEFFQuý I/2024")]
    [InlineData("Quý\tI/2024\r\n")]
    [InlineData("Quý I/ 2024")]
    [InlineData("2024 - Q1")]
    public void ExtraAndOddSpacesAreIgnored(string text)
    {
        Assert.True(PeriodParser.TryParse(text, out var period, out var error), error?.En);
        Assert.Equal("2024-Q1", period.Code);
    }

    [Fact]
    public void QuarterCarriesItsDatesAndPosition()
    {
        var q3 = PeriodParser.Parse("Quý III/2024");

        Assert.Equal(PeriodType.Quarter, q3.Type);
        Assert.Equal(2024, q3.Year);
        Assert.Equal(3, q3.Seq);
        Assert.Equal(new DateOnly(2024, 7, 1), q3.Start);
        Assert.Equal(new DateOnly(2024, 9, 30), q3.End);
    }

    [Theory]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2023-02", "2023-02-01", "2023-02-28")]
    [InlineData("2024-H2", "2024-07-01", "2024-12-31")]
    [InlineData("2024-9M", "2024-01-01", "2024-09-30")]
    [InlineData("2024", "2024-01-01", "2024-12-31")]
    [InlineData("2021-2025", "2021-01-01", "2025-12-31")]
    public void EachPeriodSpansItsInclusiveDates(string text, string start, string end)
    {
        var period = PeriodParser.Parse(text);

        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
    }

    [Theory]
    [InlineData("2024-03", "Tháng 3/2024", "March 2024")]
    [InlineData("2024-Q1", "Quý I/2024", "Q1 2024")]
    [InlineData("2024-Q4", "Quý IV/2024", "Q4 2024")]
    [InlineData("2024-H1", "6 tháng đầu năm 2024", "First half 2024")]
    [InlineData("2024-H2", "6 tháng cuối năm 2024", "Second half 2024")]
    [InlineData("2024-9M", "9 tháng năm 2024", "Nine months 2024")]
    [InlineData("2024", "Năm 2024", "Year 2024")]
    [InlineData("2021-2025", "Nhiệm kỳ 2021-2025", "Term 2021-2025")]
    public void LabelsMatchThoseOfDimPeriod(string code, string vi, string en)
    {
        var period = PeriodParser.Parse(code);

        Assert.Equal(vi, period.Label("vi"));
        Assert.Equal(en, period.Label("en"));
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void TheVietnameseLabelReadsBackAsTheSamePeriod(string text, string code, string type)
    {
        _ = text;
        _ = type;
        var period = PeriodParser.Parse(code);

        Assert.Equal(period, PeriodParser.Parse(period.Label("vi")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Quý V/2024")]
    [InlineData("Quý 5/2024")]
    [InlineData("Quý 0/2024")]
    [InlineData("2024-Q5")]
    [InlineData("2024-Q0")]
    [InlineData("2024-H3")]
    [InlineData("Tháng 13/2024")]
    [InlineData("Tháng 0/2024")]
    [InlineData("2024-13")]
    [InlineData("2024-00")]
    [InlineData("24")]
    [InlineData("Quý I")]
    [InlineData("Q1/2024")]
    [InlineData("7 tháng năm 2024")]
    [InlineData("2021-2024")]
    [InlineData("2022-2026")]
    [InlineData("Năm 2024 và 2025")]
    [InlineData("hai nghìn không trăm hai mươi tư")]
    [InlineData("2024-Q1x")]
    [InlineData("0999")]
    public void BadSpellingsAreRefusedWithMessagesInBothLanguages(string text)
    {
        Assert.False(PeriodParser.TryParse(text, out var period, out var error));
        Assert.Null(period);
        Assert.False(string.IsNullOrWhiteSpace(error.Vi));
        Assert.False(string.IsNullOrWhiteSpace(error.En));
        Assert.NotEqual(error.Vi, error.En);
    }

    [Fact]
    public void AnUnknownSpellingIsNamedInTheMessageWithExamples()
    {
        Assert.False(PeriodParser.TryParse("Quý I", out _, out var error));

        Assert.Contains("\"Quý I\"", error.Vi, StringComparison.Ordinal);
        Assert.Contains("Quý I/2024", error.Vi, StringComparison.Ordinal);
        Assert.Contains("2024-Q1", error.En, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseThrowsWithTheVietnameseMessage()
    {
        var ex = Assert.Throws<FormatException>(() => PeriodParser.Parse("Quý V/2024"));

        Assert.Contains("Quý", ex.Message, StringComparison.Ordinal);
    }
}
