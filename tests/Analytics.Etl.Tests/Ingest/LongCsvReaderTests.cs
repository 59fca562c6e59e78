using System.Globalization;
using System.Text;
using Analytics.Etl.Files;
using Analytics.Etl.Ingest;

namespace Analytics.Etl.Tests.Ingest;

/// <summary>
/// The byte-based CSV reader of the ingest path must read every file exactly as the general
/// reader (TabularFile + the long-layout reading) does: same drafts, rows, notes and refusals.
/// </summary>
public sealed class LongCsvReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("analytics-csv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string, string> Files => new()
    {
        { "comma, BOM, note column, CRLF", "\uFEFFunit_code,period,indicator,value,note\r\nLBN-PUB,Quý I/2024,workers,\"1.520\",\r\nLBN-PUB,Quý I/2024,members,1 200,ghi chú\r\n" },
        { "semicolon and Vietnamese decimals", "unit_code;period;indicator;value\nLBN-PUB;2024-Q1;finance_collected;12,5\nLBN-PRV;2024-Q1;members;-5\n" },
        { "quoted fields: delimiter, doubled quotes, line break", "unit_code,period,indicator,value,note\nLBN-PUB,2024-Q1,members,\"1,5\",\"nói \"\"rõ\"\"\nhai dòng\"\nLBN-PUB,2024-Q1,workers,9,\"a\"b\n" },
        { "a quote inside an unquoted cell is text", "unit_code,period,indicator,value,note\nLBN-PUB,2024-Q1,members,7,5\" màn hình\n" },
        { "blank and white-space rows, no final newline", "unit_code,period,indicator,value\n\n  ,  , ,\nLBN-PUB,2024-Q1,members,3\n\u00A0,\u2003,,\nGLM-SOE,2024-Q1,members,4" },
        { "no-break spaces and tabs around cells", "unit_code,period,indicator,value\n\u00A0LBN-PUB\t, 2024-Q1 ,members ,\u00A01 520\u00A0\n" },
        { "one submission under two period spellings, units interleaved", "unit_code,period,indicator,value\nLBN-PUB,Quý I/2024,members,3\nLBN-PRV,2024-Q1,members,4\nLBN-PUB,2024-Q1,workers,5\nLBN-PUB,quý i/2024,members_left,0\n" },
        { "columns in another order, header in capitals, extra columns", "Value,NOTE,Indicator,Period,Unit_Code,extra\n10,x,members,2024-Q1,LBN-PUB,y\n11,,workers,2024-Q1,LBN-PUB\n" },
        { "short rows and empty values", "unit_code,period,indicator,value,note\nLBN-PUB,2024-Q1,members\nLBN-PUB,2024-Q1,workers,,\n" },
        { "a byte order mark twice, CR line ends", "\uFEFF\uFEFFunit_code,period,indicator,value\rLBN-PUB,2024-Q1,members,3\r" },
        { "header only", "unit_code,period,indicator,value\n" },
        { "small numbers, leading zeros, padded and large values", "unit_code,period,indicator,value\nLBN-PUB,2024-Q1,members,0\nLBN-PUB,2024-Q1,workers,007\nLBN-PUB,2024-Q1,members_left, 9999 \nLBN-PUB,2024-Q1,members_admitted,10000\nLBN-PRV,2024-Q1,members,00\nLBN-PRV,2024-Q1,workers,12a\n" },
        { "an empty quoted cell opens a quote again", "unit_code,period,indicator,value,note\nLBN-PUB,2024-Q1,members,3,\"\"\"x\"\n" },
        { "hundreds of units, indicators and notes, interleaved (more texts than the reader keeps)", ManyTexts() },
    };

    // Units in runs and out of order, 90 indicator spellings and 150 notes: the reader's cache of
    // recent texts evicts and collides, and must still give every cell its own text.
    private static string ManyTexts()
    {
        var text = new StringBuilder("unit_code,period,indicator,value,note\n");
        var random = new Random(7);
        for (var line = 0; line < 4000; line++)
        {
            var unit = line % 7 == 0 ? random.Next(400) : line / 9;
            text.Append(CultureInfo.InvariantCulture, $"U-{unit:D4},2024-Q1,ind_{random.Next(90)},{random.Next(20_000)},{(random.Next(3) == 0 ? $"ghi chú {random.Next(150)}" : "")}\n");
        }
        return text.ToString();
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void FastReaderGivesTheSameDraftsAsTheGeneralReader(string name, string text)
    {
        var path = WriteFile(name, Encoding.UTF8.GetBytes(text));
        var expected = Describe(SubmissionFileReader.ReadLong(TabularFile.ReadCsv(path)));
        var actual = Describe(LongCsvReader.Read(path, File.ReadAllBytes(path)));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void VietnameseNumbersReadThroughTheFastPathAreTheNumbersPeopleMeant()
    {
        var path = WriteFile("numbers", Encoding.UTF8.GetBytes("unit_code;period;indicator;value\nLBN-PUB;2024-Q1;workers;1.520\nLBN-PUB;2024-Q1;members;1 200\nLBN-PUB;2024-Q1;finance_collected;12,5\n"));
        var values = LongCsvReader.Read(path, File.ReadAllBytes(path)).Single().Values;
        Assert.Equal(["1.520", "1 200", "12,5"], values.Select(v => v.ValueText));
        Assert.Equal([2, 3, 4], values.Select(v => v.Row ?? 0));
    }

    [Theory]
    [InlineData("missing columns", "unit_code,period,value\nLBN-PUB,2024-Q1,3\n")]
    [InlineData("unclosed quote", "unit_code,period,indicator,value\nLBN-PUB,2024-Q1,members,\"3\n")]
    [InlineData("empty file", "")]
    [InlineData("only a byte order mark", "\uFEFF")]
    public void FastReaderRefusesAFileWithTheGeneralReadersMessage(string name, string text)
    {
        var path = WriteFile(name, Encoding.UTF8.GetBytes(text));
        var expected = Assert.Throws<UnreadableFileException>(() => SubmissionFileReader.ReadLong(TabularFile.ReadCsv(path)));
        var actual = Assert.Throws<UnreadableFileException>(() => LongCsvReader.Read(path, File.ReadAllBytes(path)));
        Assert.Equal(expected.Message, actual.Message);
    }

    [Fact]
    public void FileThatIsNotUtf8IsRefusedAsTheGeneralReaderRefusesIt()
    {
        // "Quý" in Windows-1258 bytes: not UTF-8.
        var path = WriteFile("legacy", [.. "unit_code,period,indicator,value\nLBN-PUB,Qu"u8, 0xFD, .. " I/2024,members,3\n"u8]);
        var expected = Assert.Throws<UnreadableFileException>(() => SubmissionFileReader.ReadLong(TabularFile.ReadCsv(path)));
        var actual = Assert.Throws<UnreadableFileException>(() => LongCsvReader.Read(path, File.ReadAllBytes(path)));
        Assert.Equal(expected.Message, actual.Message);
        Assert.Contains("UTF-8", actual.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf16FileIsDecodedAsTheGeneralReaderDecodesIt()
    {
        var path = WriteFile("utf16", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("unit_code,period,indicator,value\nLBN-PUB,Quý I/2024,members,3\n")).ToArray());
        var actual = LongCsvReader.Read(path, File.ReadAllBytes(path));
        Assert.Equal(Describe(SubmissionFileReader.ReadLong(TabularFile.ReadCsv(path))), Describe(actual));
        Assert.Equal("Quý I/2024", actual.Single().PeriodText);
    }

    private string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, string.Concat(name.Where(char.IsLetterOrDigit)) + ".csv");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Describe(List<SubmissionDraft> drafts)
    {
        var text = new StringBuilder();
        foreach (var d in drafts)
        {
            text.Append($"[{d.SourceFile}|{d.Sheet}|{d.Format}|{d.UnitText}|{d.PeriodText}|{d.UnitCell}|{d.PeriodCell}|{d.FirstRow}]\n");
            foreach (var v in d.Values)
                text.Append($"  <{v.IndicatorText}|{v.ValueText}|{v.Row}|{v.Cell}|{v.Note}|{v.ValueCell}|{v.TypedNumber}>\n");
        }
        return text.ToString();
    }
}
