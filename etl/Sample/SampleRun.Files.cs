using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OfficeOpenXml;

namespace Analytics.Etl.Sample;

internal sealed partial class SampleRun
{
    // Fixed workbook dates keep xlsx output the same run after run.
    private static readonly DateTime WorkbookDate = new(2021, 1, 8, 8, 0, 0, DateTimeKind.Utc);

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static SampleSubmission Grassroots(SampleUnit unit, string period, QuarterValues v, SenderStyle style, string note)
    {
        var cells = new List<SampleCell>(13)
        {
            Cell("workers", v.Workers, style),
            Cell("members", v.Members, style),
            Cell("members_admitted", v.Admitted, style),
            Cell("members_left", v.Left, style),
        };
        if (v.CbaSigned is { } signed)
        {
            cells.Add(Flag("cba_signed", signed, style));
            cells.Add(Flag("cba_favorable", v.CbaFavorable ?? 0, style));
            cells.Add(Flag("cba_grade_b_plus", v.CbaGradeBPlus ?? 0, style));
        }

        // Some offices leave a zero blank; blank means "not reported", which is what ingest must keep.
        cells.Add(v.Party == 0 && style.PeriodStyle == 4 ? new SampleCell("party_introduced", "", null) : Cell("party_introduced", v.Party, style));
        cells.Add(Cell("finance_collected", v.Collected, style));
        cells.Add(Cell("finance_budget", v.Budget, style));
        cells.Add(Flag("democracy_rules_issued", v.DemocracyRules, style));
        cells.Add(Flag("dan_van_kheo_registered", v.DanVanKheo, style));
        cells.Add(Cell("workers_pledged", v.Pledged, style));
        return new SampleSubmission(unit.Code, period, cells, note) { Counts = unit };
    }

    private SampleSubmission Erroneous(SampleUnit unit, string period, QuarterValues v, SenderStyle style, string note)
    {
        var kind = ErrorRotation[_errorTurn++ % ErrorRotation.Length];
        if (kind == InjectedError.CbaFavorableAboveSigned && v.CbaSigned is null)
        {
            kind = ErrorRotation[_errorTurn++ % ErrorRotation.Length];
        }

        var good = Grassroots(unit, period, v, style, note);
        var cells = good.Cells;
        void Replace(string indicator, string text, decimal? number) =>
            cells[cells.FindIndex(c => c.Indicator == indicator)] = new SampleCell(indicator, text, number);

        var code = unit.Code;
        switch (kind)
        {
            case InjectedError.NegativeValue:
                var left = Math.Max(1, v.Left);
                Replace("members_left", "-" + left.ToString(CultureInfo.InvariantCulture), -left);
                break;
            case InjectedError.CbaFavorableAboveSigned:
                Replace("cba_signed", "0", 0);
                Replace("cba_favorable", "1", 1);
                break;
            case InjectedError.FractionalCount:
                Replace("members_admitted", v.Admitted.ToString(CultureInfo.InvariantCulture) + ",5", v.Admitted + 0.5m);
                break;
            case InjectedError.NotANumber:
                Replace("workers", "khoảng " + v.Workers.ToString(CultureInfo.InvariantCulture), null);
                break;
            case InjectedError.UnknownUnit:
                // Letter O typed for the digit zero: a code no registry holds.
                code = code.Contains('0', StringComparison.Ordinal) ? code.Replace('0', 'O') : code + "X";
                break;
            default:
                cells.Add(Cell("members_new", v.Admitted, style));
                break;
        }

        return new SampleSubmission(code, period, cells, note) { Error = kind, Counts = unit };
    }

    private static SampleCell Cell(string indicator, long value, SenderStyle style) => new(indicator, style.Number(value), value);

    private static SampleCell Flag(string indicator, int value, SenderStyle style) => Cell(indicator, value, style);

    private void Flush(SampleFile file)
    {
        if (file.Submissions.Count == 0 || file.ReceivedAt > _horizon)
        {
            return;
        }

        var path = Path.Combine(_submissions, file.RelativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (file.Extension)
        {
            case "xlsx":
                WriteXlsx(path, file);
                break;
            case "json":
                WriteJson(path, file);
                break;
            default:
                WriteCsv(path, file);
                break;
        }

        _manifest.Add((file.RelativePath, file.ReceivedAt));
        _truth.File(file.Extension);
        foreach (var submission in file.Submissions)
        {
            _truth.Rows += submission.Cells.Count;
            if (submission.Error is { } error)
            {
                _truth.RefusedSubmission(error);
                continue;
            }

            _truth.AcceptedSubmission();
            if (submission.Counts is { } unit)
            {
                if (!_firstAccepted.TryGetValue(unit, out var at) || file.ReceivedAt < at)
                {
                    _firstAccepted[unit] = file.ReceivedAt;
                }
            }
            else
            {
                _truth.UpperSubmissions++;
            }
        }
    }

    private static void WriteCsv(string path, SampleFile file)
    {
        var style = file.Style;
        var d = style.Delimiter;
        var newline = style.Crlf ? "\r\n" : "\n";
        // Streamed through one buffer: a national quarter's bulk files hold millions of value rows.
        using var writer = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16),
            new UTF8Encoding(style.Bom), 1 << 16);
        writer.Write("unit_code");
        writer.Write(d);
        writer.Write("period");
        writer.Write(d);
        writer.Write("indicator");
        writer.Write(d);
        writer.Write("value");
        if (style.Note)
        {
            writer.Write(d);
            writer.Write("note");
        }

        writer.Write(newline);
        foreach (var submission in file.Submissions)
        {
            var prefix = submission.UnitCode + d + Csv.Quote(submission.Period, d) + d;
            var suffix = style.Note ? d + Csv.Quote(submission.Note, d) + newline : newline;
            foreach (var cell in submission.Cells)
            {
                writer.Write(prefix);
                writer.Write(cell.Indicator);
                writer.Write(d);
                writer.Write(Csv.Quote(cell.Text, d));
                writer.Write(suffix);
            }
        }
    }

    private static void WriteJson(string path, SampleFile file)
    {
        var submission = file.Submissions.Single();
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, JsonOptions);
        json.WriteStartObject();
        json.WriteString("unit", submission.UnitCode);
        json.WriteString("period", submission.Period);
        json.WriteStartObject("values");
        foreach (var cell in submission.Cells)
        {
            if (cell.Number is { } number)
            {
                json.WriteNumber(cell.Indicator, number);
            }
            else if (cell.Text.Length == 0)
            {
                json.WriteNull(cell.Indicator);
            }
            else
            {
                json.WriteString(cell.Indicator, cell.Text);
            }
        }

        json.WriteEndObject();
        if (submission.Note.Length > 0)
        {
            json.WriteString("note", submission.Note);
        }

        json.WriteEndObject();
    }

    private static void WriteXlsx(string path, SampleFile file)
    {
        var style = file.Style;
        using var package = new ExcelPackage();
        package.Workbook.Properties.Created = WorkbookDate;
        package.Workbook.Properties.Modified = WorkbookDate;
        var sheet = package.Workbook.Worksheets.Add("Báo cáo");
        string[] header = style.Note ? ["unit_code", "period", "indicator", "value", "note"] : ["unit_code", "period", "indicator", "value"];
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cells[1, c + 1].Value = header[c];
        }

        var row = 2;
        foreach (var submission in file.Submissions)
        {
            foreach (var cell in submission.Cells)
            {
                sheet.Cells[row, 1].Value = submission.UnitCode;
                sheet.Cells[row, 2].Value = submission.Period;
                sheet.Cells[row, 3].Value = cell.Indicator;
                if (cell.Number is { } number && !style.TextNumbers)
                {
                    sheet.Cells[row, 4].Value = (double)number;
                }
                else if (cell.Text.Length > 0)
                {
                    sheet.Cells[row, 4].Value = cell.Text;
                }

                if (style.Note && submission.Note.Length > 0)
                {
                    sheet.Cells[row, 5].Value = submission.Note;
                }

                row++;
            }
        }

        sheet.Column(1).Width = 18;
        sheet.Column(2).Width = 16;
        sheet.Column(3).Width = 20;
        sheet.Column(4).Width = 16;
        // EPPlus stamps zip entries with the current time; copy them with a fixed one so reruns match byte for byte.
        using var saved = new ZipArchive(new MemoryStream(package.GetAsByteArray()), ZipArchiveMode.Read);
        using var output = new ZipArchive(File.Create(path), ZipArchiveMode.Create);
        foreach (var entry in saved.Entries)
        {
            var copy = output.CreateEntry(entry.FullName, System.IO.Compression.CompressionLevel.Optimal);
            copy.LastWriteTime = new DateTimeOffset(WorkbookDate);
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }

    private void WriteManifest()
    {
        // In order of arrival, so loading top to bottom replays history (resubmissions after originals).
        var ordered = _manifest.OrderBy(m => m.At).ThenBy(m => m.File, StringComparer.Ordinal);
        using var writer = new StreamWriter(Path.Combine(_submissions, "manifest.csv"), false, new UTF8Encoding(false));
        writer.NewLine = "\n";
        writer.WriteLine("file,received_at");
        foreach (var (file, at) in ordered)
        {
            writer.WriteLine($"{file},{at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}");
        }
    }
}
