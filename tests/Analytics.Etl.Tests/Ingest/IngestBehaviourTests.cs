using Analytics.Etl.Ingest;
using Analytics.Warehouse.Completeness;
using OfficeOpenXml;

namespace Analytics.Etl.Tests.Ingest;

public sealed class IngestBehaviourTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public void RefusedSubmissionInABulkFileLeavesTheOthersLoaded()
    {
        var outcome = _w.IngestCsv("""
            unit_code;period;indicator;value;note
            LBN-PUB;Quý I/2024;workers;1.520;
            LBN-PUB;Quý I/2024;members;1 200;ghi chú
            LBN-PRV;2024-Q1;members;-5;
            GLM-SOE;2024-Q1;members;300;
            """);
        Assert.Equal(2, outcome.Accepted);
        Assert.Equal(1, outcome.Refused);
        Assert.Equal(1520, _w.Current("LBN-PUB", "2024-Q1", "workers"));
        Assert.Equal(1200, _w.Current("LBN-PUB", "2024-Q1", "members"));
        Assert.Equal(300, _w.Current("GLM-SOE", "2024-Q1", "members"));
        Assert.Null(_w.Current("LBN-PRV", "2024-Q1", "members"));
        // The refused submission is kept: status, messages and its raw values, plus a quarantine copy.
        Assert.Equal(1, _w.Count("SELECT count(*) FROM submission WHERE status = 'refused' AND unit_code = 'LBN-PRV'"));
        Assert.Equal("-5", _w.Connection.Scalar<string>("SELECT q.value_text FROM quarantine_value q JOIN submission s USING (submission_id) WHERE s.unit_code = 'LBN-PRV'"));
        Assert.Equal(1, _w.Count("SELECT count(*) FROM submission_message m JOIN submission s USING (submission_id) WHERE s.unit_code = 'LBN-PRV' AND m.rule_id = 'E07' AND m.source_row = 4"));
        Assert.NotNull(outcome.QuarantinedTo);
        Assert.True(File.Exists(outcome.QuarantinedTo));
        Assert.Contains("E07", File.ReadAllText(outcome.QuarantinedTo + ".txt"), StringComparison.Ordinal);
        // Lineage: the note and the row travel with the value.
        Assert.Equal("ghi chú", _w.Connection.Scalar<string>("SELECT note FROM fact_value WHERE source_row = 3"));
    }

    [Fact]
    public void AYesNoAnswerWrittenAsAWordIsReadAsOneOrZero()
    {
        var outcome = _w.IngestCsv("""
            unit_code,period,indicator,value
            LBN-PRV,2024-Q1,cba_signed,có
            LBN-PRV,2024-Q1,cba_favorable,Không
            GLM-SOE,2024-Q1,cba_signed,x
            """);

        Assert.Equal(1, outcome.Accepted);
        Assert.Equal(1, outcome.Refused);
        Assert.Equal(1, _w.Current("LBN-PRV", "2024-Q1", "cba_signed"));
        Assert.Equal(0, _w.Current("LBN-PRV", "2024-Q1", "cba_favorable"));
        var refusal = Assert.Single(outcome.Submissions.Single(s => s.UnitCode == "GLM-SOE").Messages);
        Assert.Equal("E06", refusal.RuleId);
        Assert.Contains("1 (có) hoặc 0 (không)", refusal.Text.Vi, StringComparison.Ordinal);
    }

    [Fact]
    public void EachValueInABulkFileGoesToTheIndicatorItsOwnCellNames()
    {
        // The reader hands every line's indicator cell out as one string per distinct text, and the
        // validator remembers what each of those strings named: spellings that differ only in case
        // or white space, and an unknown code between them, must each still be read on their own.
        var outcome = _w.IngestCsv("""
            unit_code,period,indicator,value
            LBN-PUB,2024-Q1,workers,100
            LBN-PUB,2024-Q1,Members,90
            LBN-PUB,2024-Q1,members_left,1
            LBN-PRV,2024-Q1,members ,80
            LBN-PRV,2024-Q1,WORKERS,85
            LBN-PRV,2024-Q1,members_admitted,3
            GLM-SOE,2024-Q1,members,70
            GLM-SOE,2024-Q1,membres,71
            GLM-SOE,2024-Q1,workers,75
            """);
        Assert.Equal(2, outcome.Accepted);
        Assert.Equal(1, outcome.Refused);
        Assert.Equal(100, _w.Current("LBN-PUB", "2024-Q1", "workers"));
        Assert.Equal(90, _w.Current("LBN-PUB", "2024-Q1", "members"));
        Assert.Equal(1, _w.Current("LBN-PUB", "2024-Q1", "members_left"));
        Assert.Equal(80, _w.Current("LBN-PRV", "2024-Q1", "members"));
        Assert.Equal(85, _w.Current("LBN-PRV", "2024-Q1", "workers"));
        Assert.Equal(3, _w.Current("LBN-PRV", "2024-Q1", "members_admitted"));
        Assert.Equal(1, _w.Count("SELECT count(*) FROM submission_message m JOIN submission s USING (submission_id) WHERE s.unit_code = 'GLM-SOE' AND m.indicator_code = 'membres' AND m.source_row = 9"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public void ReconciliationComparesWithTheCurrentVersionOfThePreviousPeriodNotAReplacedOne(int batchSize)
    {
        // 2023-Q4 sent twice: 100 members, then corrected to 200. 2024-Q1: 200 + 10 − 0 = 210 reconciles
        // with the correction only; the history must not read the replaced version, whether the run
        // reads its one batch's units (1,000 files a batch) or every unit's history (more batches).
        _w.IngestCsv("unit_code,period,indicator,value\nLBN-PUB,2023-Q4,members,100\n", name: "q4.csv");
        _w.IngestCsv("unit_code,period,indicator,value\nLBN-PUB,2023-Q4,members,200\n", name: "q4-corrected.csv");
        _w.Ingestor().IngestFiles([
            _w.Write("q1.csv", "unit_code,period,indicator,value\nLBN-PUB,2024-Q1,members,210\nLBN-PUB,2024-Q1,members_admitted,10\nLBN-PUB,2024-Q1,members_left,0\n"),
            _w.Write("q1-other.csv", "unit_code,period,indicator,value\nGLM-SOE,2024-Q1,members,10\n"),
        ], batchSize: batchSize);
        Assert.Equal(0, _w.Count("SELECT count(*) FROM submission_message m JOIN submission s USING (submission_id) WHERE s.period_code = '2024-Q1' AND m.rule_id = 'W02'"));
        // And against the replaced version (100) the same report would not reconcile: the rule is live.
        _w.IngestCsv("unit_code,period,indicator,value\nLBN-PUB,2024-Q2,members,310\nLBN-PUB,2024-Q2,members_admitted,10\nLBN-PUB,2024-Q2,members_left,0\n", name: "q2.csv");
        Assert.Equal(1, _w.Count("SELECT count(*) FROM submission_message m JOIN submission s USING (submission_id) WHERE s.period_code = '2024-Q2' AND m.rule_id = 'W02'"));
    }

    [Fact]
    public void IngestingTheSameFileTwiceChangesNothing()
    {
        const string text = "unit_code,period,indicator,value\nLBN-PUB,2024-Q1,workers,10\nLBN-PRV,2024-Q1,workers,20\n";
        var path = _w.Write("same.csv", text);
        var first = _w.Ingestor().IngestFile(path);
        Assert.Equal(2, first.Accepted);
        var counts = (_w.Count("SELECT count(*) FROM submission"), _w.Count("SELECT count(*) FROM fact_value"));
        var second = _w.Ingestor().IngestFile(path);
        Assert.True(second.AlreadyIngested);
        Assert.Equal(counts, (_w.Count("SELECT count(*) FROM submission"), _w.Count("SELECT count(*) FROM fact_value")));
        // The same content under another file name is not a new version either.
        var copy = _w.Ingestor().IngestFile(_w.Write("copy.csv", text + "\n"));
        Assert.Equal(2, copy.Unchanged);
        Assert.Equal(counts.Item1, _w.Count("SELECT count(*) FROM submission"));
    }

    [Fact]
    public void ResubmissionReplacesEarlierValuesAndKeepsHistory()
    {
        _w.IngestCsv("unit_code,period,indicator,value\nLBN-PUB,2024-Q1,workers,10\nLBN-PUB,2024-Q1,members,8\n", new DateTime(2024, 3, 10), "v1.csv");
        var second = _w.IngestCsv("unit_code,period,indicator,value\nLBN-PUB,2024-Q1,workers,11\n", new DateTime(2024, 3, 20), "v2.csv");
        var outcome = Assert.Single(second.Submissions);
        Assert.Equal(2, outcome.Version);
        Assert.Equal(11, _w.Current("LBN-PUB", "2024-Q1", "workers"));
        // The latest version is the whole truth: members was not resent, so it is no longer current.
        Assert.Null(_w.Current("LBN-PUB", "2024-Q1", "members"));
        Assert.Equal(1, _w.Count("SELECT count(*) FROM submission WHERE unit_code = 'LBN-PUB' AND period_code = '2024-Q1' AND is_current"));
        Assert.Equal(10, _w.Connection.Scalar<double>("""
            SELECT f.value FROM fact_value f JOIN submission s USING (submission_id)
            WHERE s.version = 1 AND s.unit_code = 'LBN-PUB' AND f.indicator_id = (SELECT indicator_id FROM dim_indicator WHERE indicator_code = 'workers')
            """));
        Assert.Equal("v1.csv", _w.Connection.Scalar<string>("SELECT source_file FROM submission WHERE version = 1"));
    }

    [Fact]
    public void LaterBatchesOfOneRunSeeTheVersionsAndHistoryEarlierBatchesCommitted()
    {
        // One file per batch: each batch must find what the batches before it wrote, in the warehouse.
        var paths = new[]
        {
            _w.Write("q1.csv", "unit_code,period,indicator,value\nLBN-PUB,2024-Q1,workers,120\nLBN-PUB,2024-Q1,members,100\n"),
            _w.Write("q2.csv", "unit_code,period,indicator,value\nLBN-PUB,2024-Q2,members,120\nLBN-PUB,2024-Q2,members_admitted,3\nLBN-PUB,2024-Q2,members_left,1\n"),
            _w.Write("q1-again.csv", "unit_code,period,indicator,value\nLBN-PUB,2024-Q1,workers,120\nLBN-PUB,2024-Q1,members,101\n"),
            _w.Write("q1-copy.csv", "unit_code,period,indicator,value\nLBN-PUB,2024-Q1,members,101\nLBN-PUB,2024-Q1,workers,120\n"),
            _w.Write("prv.csv", "unit_code,period,indicator,value\nLBN-PRV,2024-Q2,members,50\nLBN-PRV,2024-Q2,members_admitted,2\n"),
        };
        var outcomes = _w.Ingestor().IngestFiles(paths, batchSize: 1);

        // 100 + 3 - 1 = 102, not 120: the first batch's members are the second one's history.
        var q2 = Assert.Single(outcomes[1].Submissions);
        Assert.Contains("102", Assert.Single(q2.Messages, m => m.RuleId == "W02").Text.En, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(outcomes[2].Submissions).Version);
        Assert.Equal(SubmissionOutcome.Unchanged, Assert.Single(outcomes[3].Submissions).Status);
        // A unit with no past draws no history warning.
        Assert.DoesNotContain(Assert.Single(outcomes[4].Submissions).Messages, m => m.RuleId == "W02");
        Assert.Equal(101, _w.Current("LBN-PUB", "2024-Q1", "members"));
        Assert.Equal(1, _w.Count("SELECT count(*) FROM submission WHERE unit_code = 'LBN-PUB' AND period_code = '2024-Q1' AND is_current"));
        Assert.Equal(2, _w.Count("SELECT count(*) FROM submission WHERE unit_code = 'LBN-PUB' AND period_code = '2024-Q1'"));

        // A second run over a resubmission continues the version count.
        var again = _w.Ingestor().IngestFiles([_w.Write("q1-third.csv", "unit_code,period,indicator,value\nLBN-PUB,2024-Q1,members,102\n")], batchSize: 1);
        Assert.Equal(3, Assert.Single(again[0].Submissions).Version);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1000)]
    public void HistoryIsTheCurrentVersionsWhereverTheRunCutsItsBatches(int batchSize)
    {
        // Quarters of 2023: 100, 100, 1,000 and 100 members, then 2023-Q4 corrected to 1,000 and
        // 2024-Q1 reported as 1,000, in one run. The history 2024-Q1 is checked against is the current
        // versions, 100, 100, 1,000, 1,000: median 550, not far. Were the replaced 100 counted too
        // (median 100, MAD 0), 1,000 would be called far outside. The same in one batch or one per file.
        foreach (var (quarter, members) in new[] { ("2023-Q1", 100), ("2023-Q2", 100), ("2023-Q3", 1000), ("2023-Q4", 100) })
            _w.IngestCsv($"unit_code,period,indicator,value\nLBN-PUB,{quarter},members,{members}\n", name: $"{quarter}.csv");
        var paths = new[]
        {
            _w.Write("q4-corrected.csv", "unit_code,period,indicator,value\nLBN-PUB,2023-Q4,members,1000\n"),
            _w.Write("q1.csv", "unit_code,period,indicator,value\nLBN-PUB,2024-Q1,members,1000\n"),
            _w.Write("other.csv", "unit_code,period,indicator,value\nGLM-SOE,2024-Q1,members,10\n"),
        };
        var outcomes = _w.Ingestor().IngestFiles(paths, batchSize: batchSize);
        Assert.Equal(2, Assert.Single(outcomes[0].Submissions).Version);
        Assert.DoesNotContain(Assert.Single(outcomes[1].Submissions).Messages, m => m.RuleId == "W03");

        // The rule is live: 2024-Q2 at 10,000 is far from 100, 100, 1,000, 1,000, 1,000.
        var q2 = _w.IngestCsv("unit_code,period,indicator,value\nLBN-PUB,2024-Q2,members,10000\n", name: "q2.csv");
        Assert.Contains(Assert.Single(q2.Submissions).Messages, m => m.RuleId == "W03");
    }

    [Fact]
    public void FilledTemplateIsReadBackAndAccepted()
    {
        var path = Path.Combine(_w.Folder, "template.xlsx");
        var codes = SubmissionTemplate.Write(_w.Connection, "LBN-PRV", "Quý I/2024", path);
        Assert.Contains("cba_signed", codes);
        Assert.DoesNotContain("rating", codes);
        Assert.DoesNotContain("enterprises_eligible", codes);
        using (var package = new ExcelPackage(new FileInfo(path)))
        {
            var sheet = package.Workbook.Worksheets["Báo cáo"];
            Assert.Equal("LBN-PRV", sheet.Cells["B4"].Value);
            Assert.Equal("Quý I/2024", sheet.Cells["B6"].Value);
            for (var r = 10; r <= sheet.Dimension.End.Row; r++)
            {
                switch (sheet.Cells[r, 2].Value as string)
                {
                    case "workers": sheet.Cells[r, 5].Value = 250d; break;
                    case "members": sheet.Cells[r, 5].Value = "1.200"; break; // typed as text, Vietnamese style
                    case "cba_signed": sheet.Cells[r, 5].Value = 1d; break;
                }
            }
            package.Save();
        }
        var outcome = _w.Ingestor().IngestFile(path);
        Assert.Equal("template", outcome.Format);
        var s = Assert.Single(outcome.Submissions);
        Assert.Equal(SubmissionOutcome.Accepted, s.Status);
        Assert.Equal(250, _w.Current("LBN-PRV", "2024-Q1", "workers"));
        Assert.Equal(1200, _w.Current("LBN-PRV", "2024-Q1", "members"));
        Assert.Equal(1, _w.Current("LBN-PRV", "2024-Q1", "cba_signed"));
        Assert.StartsWith("E", _w.Connection.Scalar<string>("SELECT source_cell FROM fact_value LIMIT 1"), StringComparison.Ordinal);
    }

    [Fact]
    public void RefusedWorkbookGetsAFeedbackCopyWithTheCellMarkedAndExplained()
    {
        var path = Path.Combine(_w.Folder, "long.xlsx");
        using (var package = new ExcelPackage())
        {
            var sheet = package.Workbook.Worksheets.Add("Data");
            object[][] rows =
            [
                ["unit_code", "period", "indicator", "value"],
                ["LBN-PUB", "2024-Q1", "workers", 100d],
                ["LBN-PUB", "2024-Q1", "members", -4d],
                ["GLM-SOE", "2024-Q1", "members", 40d],
            ];
            for (var r = 0; r < rows.Length; r++)
                for (var c = 0; c < rows[r].Length; c++) sheet.Cells[r + 1, c + 1].Value = rows[r][c];
            package.SaveAs(new FileInfo(path));
        }
        var feedback = Path.Combine(_w.Folder, "feedback");
        var outcome = _w.Ingestor(feedback: feedback).IngestFile(path);
        Assert.Equal(1, outcome.Accepted);
        Assert.Equal(1, outcome.Refused);
        var file = Assert.Single(outcome.FeedbackFiles);
        using var back = new ExcelPackage(new FileInfo(file));
        var data = back.Workbook.Worksheets["Data"];
        Assert.NotNull(data.Cells["D3"].Comment);
        Assert.Contains("E07", data.Cells["D3"].Comment.Text, StringComparison.Ordinal);
        Assert.Null(data.Cells["D4"].Comment);
        var problems = back.Workbook.Worksheets["Lỗi"];
        Assert.Equal("LBN-PUB", problems.Cells[2, 1].Value);
        Assert.Equal("D3", problems.Cells[2, 3].Value);
    }

    [Fact]
    public void JsonSubmissionIsAcceptedAndMalformedJsonIsAClearFileError()
    {
        var ok = _w.Ingestor().IngestFile(_w.Write("s.json", """{"unit":"GLM-SOE","period":"Quý II/2024","values":{"workers":1520,"members":"1.200","cba_signed":1}}"""));
        Assert.Equal(1, ok.Accepted);
        Assert.Equal(1520, _w.Current("GLM-SOE", "2024-Q2", "workers"));
        Assert.Equal(1200, _w.Current("GLM-SOE", "2024-Q2", "members"));
        var bad = _w.Ingestor().IngestFile(_w.Write("bad.json", """{"unit":"GLM-SOE", "period": """));
        Assert.NotNull(bad.FileError);
        Assert.Contains("bad.json", bad.FileError, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvWithoutTheRequiredColumnsIsRefusedAsAFileWithNothingLoaded()
    {
        var outcome = _w.IngestCsv("unit,when,what\nLBN-PUB,2024-Q1,10\n");
        Assert.NotNull(outcome.FileError);
        Assert.Contains("unit_code", outcome.FileError, StringComparison.Ordinal);
        Assert.Equal(0, _w.Count("SELECT count(*) FROM submission"));
    }

    [Fact]
    public void CompletenessCountsExpectedOnTimeLateAndMissingPerUpperUnit()
    {
        // Q1 2024 is due before 2024-03-15. Grassroots active on 2024-03-31: LBN-PUB, LBN-PRV (Long Biên),
        // GLM-SOE, GLM-OLD (Gia Lâm).
        _w.IngestCsv("unit_code,period,indicator,value\nLBN-PUB,2024-Q1,workers,10\n", new DateTime(2024, 3, 14, 23, 0, 0), "a.csv");
        _w.IngestCsv("unit_code,period,indicator,value\nLBN-PRV,2024-Q1,workers,10\n", new DateTime(2024, 3, 20), "b.csv");
        _w.IngestCsv("unit_code,period,indicator,value\nGLM-SOE,2024-Q1,workers,-1\n", new DateTime(2024, 3, 1), "c.csv"); // refused: still missing

        var result = CompletenessReport.Compute(_w.Connection, "2024-Q1", new DateTime(2024, 4, 30), "HNI");
        Assert.Equal(new DateTime(2024, 3, 15), result.Deadline);
        var byUnit = result.Units.ToDictionary(u => u.UnitCode);
        Assert.Equal((4L, 2L, 1L, 1L, 2L), (byUnit["HNI"].Expected, byUnit["HNI"].Received, byUnit["HNI"].OnTime, byUnit["HNI"].Late, byUnit["HNI"].Missing));
        Assert.Equal((2L, 1L, 1L, 0L), (byUnit["HNI-LBN"].Expected, byUnit["HNI-LBN"].OnTime, byUnit["HNI-LBN"].Late, byUnit["HNI-LBN"].Missing));
        Assert.Equal((2L, 0L, 2L), (byUnit["HNI-GLM"].Expected, byUnit["HNI-GLM"].Received, byUnit["HNI-GLM"].Missing));
        var glmSoe = Assert.Single(result.LateOrMissing, g => g.UnitCode == "GLM-SOE");
        Assert.Equal(("missing", 1L), (glmSoe.Status, glmSoe.RefusedCount));
        Assert.Equal("late", Assert.Single(result.LateOrMissing, g => g.UnitCode == "LBN-PRV").Status);

        // As of before the late report arrived, Long Biên's private union was missing.
        var earlier = CompletenessReport.Compute(_w.Connection, "2024-Q1", new DateTime(2024, 3, 16), "HNI-LBN");
        Assert.Equal(1, earlier.Units.Single(u => u.UnitCode == "HNI-LBN").Missing);

        // In Q3 2024 GLM-OLD is closed: Gia Lâm expects only GLM-SOE.
        var q3 = CompletenessReport.Compute(_w.Connection, "2024-Q3", new DateTime(2024, 12, 31), "HNI-GLM");
        Assert.Equal(1, q3.Units.Single(u => u.UnitCode == "HNI-GLM").Expected);
    }

    [Fact]
    public void CompletenessOfAMonthCountsTheUnitsAboveGrassrootsThatReportMonthsAndNotTheGrassrootsUnions()
    {
        // March 2024 is due before 2024-04-05. Units with grassroots children on 2024-03-31: HNI-LBN and HNI-GLM.
        _w.IngestCsv("unit_code,period,indicator,value\nHNI-LBN,2024-03,cdcs_founded,1\n", new DateTime(2024, 4, 2), "lbn.csv");
        _w.IngestCsv("unit_code,period,indicator,value\nLBN-PUB,2024-03,workers,10\n", new DateTime(2024, 4, 2), "pub.csv"); // refused: E05

        var result = CompletenessReport.Compute(_w.Connection, "2024-03", new DateTime(2024, 4, 30), "HNI");
        Assert.Equal("upper", result.Reporters);
        var byUnit = result.Units.ToDictionary(u => u.UnitCode);
        Assert.Equal((2L, 1L, 1L, 0L, 1L), (byUnit["HNI"].Expected, byUnit["HNI"].Received, byUnit["HNI"].OnTime, byUnit["HNI"].Late, byUnit["HNI"].Missing));
        Assert.Equal((1L, 1L), (byUnit["HNI-LBN"].Expected, byUnit["HNI-LBN"].OnTime));
        Assert.Equal("HNI-GLM", Assert.Single(result.LateOrMissing).UnitCode);

        // After Long Biên closed, Hà Nội holds its unions and reports the month itself, beside Gia Lâm.
        var september = CompletenessReport.Compute(_w.Connection, "2025-09", new DateTime(2025, 10, 31), "HNI");
        Assert.Equal(["HNI", "HNI-GLM"], september.LateOrMissing.Select(g => g.UnitCode).Order(StringComparer.Ordinal));
        Assert.Equal(2, september.Units.Single(u => u.UnitCode == "HNI").Expected);
    }
}
