using System.Globalization;
using System.Text.Json;
using OfficeOpenXml;

using Xunit;

namespace Analytics.Etl.Tests.Sample;

/// <summary>Reads every file listed in submissions/manifest.csv back into values, in order of arrival.</summary>
internal static class SubmissionFiles
{
    public static List<(string File, DateTimeOffset At)> Manifest(string root)
    {
        var (_, _, rows) = CsvText.Read(Path.Combine(root, "submissions", "manifest.csv"));
        Assert.Equal(["file", "received_at"], rows[0]);
        return rows.Skip(1).Select(r => (r[0], DateTimeOffset.ParseExact(r[1], "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))).ToList();
    }

    public static List<SubmittedValue> ReadAll(string root)
    {
        var values = new List<SubmittedValue>();
        var submission = 0;
        foreach (var (file, at) in Manifest(root))
        {
            var path = Path.Combine(root, "submissions", file);
            switch (Path.GetExtension(file))
            {
                case ".json":
                    submission++;
                    using (var doc = JsonDocument.Parse(File.ReadAllBytes(path)))
                    {
                        var unit = doc.RootElement.GetProperty("unit").GetString()!;
                        var period = doc.RootElement.GetProperty("period").GetString()!;
                        foreach (var p in doc.RootElement.GetProperty("values").EnumerateObject())
                        {
                            var (text, number) = p.Value.ValueKind switch
                            {
                                JsonValueKind.Number => (p.Value.GetRawText(), p.Value.GetDecimal()),
                                JsonValueKind.Null => ("", (decimal?)null),
                                _ => (p.Value.GetString()!, (decimal?)null),
                            };
                            values.Add(new SubmittedValue(file, submission, unit, period, p.Name, text, number, at));
                        }
                    }

                    break;
                case ".xlsx":
                    submission++;
                    using (var package = new ExcelPackage(new FileInfo(path)))
                    {
                        var sheet = package.Workbook.Worksheets.First();
                        Assert.Equal("unit_code", sheet.Cells[1, 1].Text);
                        Assert.Equal("value", sheet.Cells[1, 4].Text);
                        for (var row = 2; row <= sheet.Dimension.End.Row; row++)
                        {
                            var cell = sheet.Cells[row, 4].Value;
                            var number = cell is double d ? (decimal)d : (decimal?)null;
                            values.Add(new SubmittedValue(file, submission, sheet.Cells[row, 1].Text, sheet.Cells[row, 2].Text,
                                sheet.Cells[row, 3].Text, cell?.ToString() ?? "", number, at));
                        }
                    }

                    break;
                default:
                    var (_, _, rows) = CsvText.Read(path);
                    Assert.Equal(["unit_code", "period", "indicator", "value"], rows[0].Take(4));
                    string? last = null;
                    foreach (var r in rows.Skip(1))
                    {
                        var key = r[0] + "|" + r[1];
                        if (key != last)
                        {
                            submission++;
                            last = key;
                        }

                        values.Add(new SubmittedValue(file, submission, r[0], r[1], r[2], r[3], null, at));
                    }

                    break;
            }
        }

        return values;
    }
}
