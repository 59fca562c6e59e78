using Analytics.Etl.Ingest;

namespace Analytics.Etl.Tests.Ingest;

/// <summary>Each rule with a submission that passes it and one that fails it.</summary>
public sealed class ValidationRuleTests : IDisposable
{
    private readonly TestWarehouse _w = new();

    public void Dispose() => _w.Dispose();

    private const string Header = "unit_code,period,indicator,value\n";

    private SubmissionOutcome One(string rows, DateTime? receivedAt = null)
    {
        var outcome = _w.IngestCsv(Header + rows, receivedAt, $"s{Guid.NewGuid():N}.csv");
        Assert.Null(outcome.FileError);
        return Assert.Single(outcome.Submissions);
    }

    private static void AssertRefusedBy(SubmissionOutcome outcome, string rule)
    {
        Assert.Equal(SubmissionOutcome.Refused, outcome.Status);
        Assert.Contains(outcome.Messages, m => m.RuleId == rule && m.Severity == Severity.Error);
    }

    private static void AssertAcceptedWithout(SubmissionOutcome outcome, string rule)
    {
        Assert.Equal(SubmissionOutcome.Accepted, outcome.Status);
        Assert.DoesNotContain(outcome.Messages, m => m.RuleId == rule);
    }

    [Fact]
    public void UnknownUnitIsRefusedAndKnownUnitAccepted()
    {
        AssertRefusedBy(One("NOPE-001,2024-Q1,workers,10\n"), "E01");
        AssertAcceptedWithout(One("LBN-PUB,2024-Q1,workers,10\n"), "E01");
    }

    [Fact]
    public void UnitNotActiveInThePeriodIsRefused()
    {
        // GLM-OLD closed on 2024-06-30: Q3 2024 is after, Q2 2024 is its last quarter.
        var refused = One("GLM-OLD,2024-Q3,workers,10\n");
        AssertRefusedBy(refused, "E02");
        Assert.Contains("30/06/2024", refused.Messages.Single(m => m.RuleId == "E02").Text.Vi, StringComparison.Ordinal);
        AssertAcceptedWithout(One("GLM-OLD,2024-Q2,workers,10\n"), "E02");
    }

    [Fact]
    public void PeriodNotUnderstoodIsRefused()
    {
        AssertRefusedBy(One("LBN-PUB,Quý V/2024,workers,10\n"), "E03");
        AssertRefusedBy(One("LBN-PUB,2099-Q1,workers,10\n"), "E03");
        AssertAcceptedWithout(One("LBN-PUB,Quý IV/2024,workers,10\n"), "E03");
    }

    [Fact]
    public void UnknownIndicatorIsRefused()
    {
        AssertRefusedBy(One("LBN-PUB,2024-Q1,members_happy,10\n"), "E04");
    }

    [Fact]
    public void IndicatorOfAnotherLevelSectorOrPeriodTypeIsRefused()
    {
        AssertRefusedBy(One("LBN-PUB,2024-Q1,cba_signed,1\n"), "E05");          // public sector has no CBA
        AssertRefusedBy(One("LBN-PUB,2024-Q1,enterprises_eligible,40\n"), "E05"); // reported by upper-level unions
        AssertRefusedBy(One("LBN-PUB,2024-Q1,rating,tot\n"), "E05");             // ratings are yearly
        AssertRefusedBy(One("LBN-PUB,2024-Q1,cba_coverage,0.5\n"), "E05");       // derived, never reported
        AssertRefusedBy(One("LBN-PUB,2024-03,workers,10\n"), "E05");            // grassroots unions do not report months
        AssertAcceptedWithout(One("HNI-GLM,2024-03,cdcs_founded,1\n"), "E05");   // the units above them do
        AssertAcceptedWithout(One("LBN-PRV,2024-Q1,cba_signed,1\n"), "E05");
        AssertAcceptedWithout(One("HNI-GLM,2024-Q1,enterprises_eligible,40\n"), "E05");
        AssertAcceptedWithout(One("LBN-PUB,2024,rating,Hoàn thành tốt nhiệm vụ\n"), "E05");
    }

    [Fact]
    public void TextThatIsNotANumberOrCategoryIsRefused()
    {
        AssertRefusedBy(One("LBN-PUB,2024-Q1,workers,khoảng 100\n"), "E06");
        AssertRefusedBy(One("LBN-PUB,2024,rating,rất tốt\n"), "E06");
        AssertAcceptedWithout(One("LBN-PUB,2024-Q1,workers,1.520\n"), "E06");
        Assert.Equal(1520, _w.Current("LBN-PUB", "2024-Q1", "workers"));
    }

    [Fact]
    public void NegativeValueIsRefused()
    {
        AssertRefusedBy(One("LBN-PUB,2024-Q1,members_admitted,-3\n"), "E07");
        AssertAcceptedWithout(One("LBN-PUB,2024-Q1,members_admitted,0\n"), "E07");
    }

    [Fact]
    public void FractionalCountIsRefusedButFractionalAmountAccepted()
    {
        AssertRefusedBy(One("LBN-PUB,2024-Q1,members,\"12,5\"\n"), "E08");
        AssertAcceptedWithout(One("LBN-PUB,2024-Q1,finance_collected,\"12,5\"\n"), "E08");
        Assert.Equal(12.5, _w.Current("LBN-PUB", "2024-Q1", "finance_collected"));
    }

    [Fact]
    public void SameIndicatorTwiceWithDifferentValuesIsRefusedButRepeatedSameValueAccepted()
    {
        AssertRefusedBy(One("LBN-PUB,2024-Q1,workers,10\nLBN-PUB,2024-Q1,workers,11\n"), "E09");
        var ok = One("LBN-PUB,2024-Q2,workers,10\nLBN-PUB,2024-Q2,workers,10\n");
        AssertAcceptedWithout(ok, "E09");
        Assert.Equal(1, _w.Count("SELECT count(*) FROM fact_value f JOIN submission s USING (submission_id) WHERE s.period_code = '2024-Q2'"));
    }

    [Fact]
    public void YesNoIndicatorOutsideZeroOneIsRefused()
    {
        AssertRefusedBy(One("LBN-PRV,2024-Q1,cba_signed,2\n"), "E10");
        AssertAcceptedWithout(One("LBN-PRV,2024-Q1,cba_signed,0\n"), "E10");
    }

    [Fact]
    public void CbaDetailAboveSignedIsRefused()
    {
        AssertRefusedBy(One("LBN-PRV,2024-Q1,cba_signed,0\nLBN-PRV,2024-Q1,cba_favorable,1\n"), "E11");
        AssertRefusedBy(One("LBN-PRV,2024-Q2,cba_grade_b_plus,1\n"), "E11");
        AssertAcceptedWithout(One("LBN-PRV,2024-Q3,cba_signed,1\nLBN-PRV,2024-Q3,cba_favorable,1\nLBN-PRV,2024-Q3,cba_grade_b_plus,0\n"), "E11");
    }

    [Fact]
    public void SubmissionWithOnlyEmptyValuesIsRefusedAndEmptyIsNotZero()
    {
        AssertRefusedBy(One("LBN-PUB,2024-Q1,workers,\n"), "E13");
        One("LBN-PUB,2024-Q2,workers,\nLBN-PUB,2024-Q2,members,5\n");
        Assert.Null(_w.Current("LBN-PUB", "2024-Q2", "workers"));
        Assert.Equal(5, _w.Current("LBN-PUB", "2024-Q2", "members"));
    }

    [Fact]
    public void MembersAboveWorkersIsAcceptedWithAWarning()
    {
        var warned = One("LBN-PUB,2024-Q1,workers,10\nLBN-PUB,2024-Q1,members,12\n");
        Assert.Equal(SubmissionOutcome.Accepted, warned.Status);
        Assert.Contains(warned.Messages, m => m.RuleId == "W01" && m.Severity == Severity.Warning);
        AssertAcceptedWithout(One("LBN-PUB,2024-Q2,workers,12\nLBN-PUB,2024-Q2,members,12\n"), "W01");
    }

    [Fact]
    public void MembersThatDoNotReconcileWithThePreviousQuarterDrawAWarning()
    {
        One("LBN-PUB,2024-Q1,members,100\n");
        // 100 + 10 - 4 = 106
        AssertAcceptedWithout(One("LBN-PUB,2024-Q2,members,106\nLBN-PUB,2024-Q2,members_admitted,10\nLBN-PUB,2024-Q2,members_left,4\n"), "W02");
        var off = One("LBN-PUB,2024-Q3,members,120\nLBN-PUB,2024-Q3,members_admitted,3\nLBN-PUB,2024-Q3,members_left,1\n");
        Assert.Equal(SubmissionOutcome.Accepted, off.Status);
        var w = Assert.Single(off.Messages, m => m.RuleId == "W02");
        Assert.Contains("108", w.Text.En, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueFarOutsideTheUnitsOwnHistoryDrawsAWarning()
    {
        var quarters = new[] { "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4", "2024-Q1" };
        var workers = new[] { 200, 204, 198, 210, 205 };
        for (var i = 0; i < quarters.Length; i++) One($"LBN-PUB,{quarters[i]},workers,{workers[i]}\n");
        AssertAcceptedWithout(One("LBN-PUB,2024-Q2,workers,215\n"), "W03");
        var jump = One("LBN-PUB,2024-Q3,workers,2150\n");
        Assert.Equal(SubmissionOutcome.Accepted, jump.Status);
        Assert.Contains(jump.Messages, m => m.RuleId == "W03");
    }

    [Fact]
    public void SubmissionForAPeriodEndedLongAgoDrawsAWarning()
    {
        var old = One("LBN-PUB,2022-Q1,workers,10\n", receivedAt: new DateTime(2024, 4, 10));
        Assert.Contains(old.Messages, m => m.RuleId == "W04");
        AssertAcceptedWithout(One("LBN-PUB,2024-Q1,workers,10\n", receivedAt: new DateTime(2024, 4, 10)), "W04");
    }

    [Fact]
    public void EveryMessageNamesTheRowTheIndicatorAndTheRuleInBothLanguages()
    {
        var outcome = One("LBN-PUB,2024-Q1,workers,10\nLBN-PUB,2024-Q1,members,-1\n");
        var m = Assert.Single(outcome.Messages);
        Assert.Equal(3, m.Row);
        Assert.Equal("members", m.Indicator);
        var vi = m.Format("/x/sub.csv", null, outcome.UnitCode, outcome.PeriodCode, english: false);
        var en = m.Format("/x/sub.csv", null, outcome.UnitCode, outcome.PeriodCode, english: true);
        Assert.Equal("sub.csv, dòng 3 — LBN-PUB, 2024-Q1, members: giá trị -1 là số âm; số liệu báo cáo không được âm [E07]", vi);
        Assert.StartsWith("sub.csv, line 3 — LBN-PUB, 2024-Q1, members: value -1 is negative", en, StringComparison.Ordinal);
    }
}
