using Analytics.Warehouse.Vocabulary;
using Analytics.Reports.Data;

namespace Analytics.Reports.Excel;

/// <summary>The cover lines every report shares: unit, period, audience, generation time and the data behind it.</summary>
public static class CoverItems
{
    /// <summary>The label of the cover line that says what a report lacks.</summary>
    public static string MissingLabel(bool english) => english ? "Missing" : "Còn thiếu";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static List<CoverItem> For(ReportHeader header, string report)
    {
        var en = header.English;
        var p = header.Provenance;
        List<CoverItem> items =
        [
            new(en ? "Report" : "Báo cáo", report),
            new(en ? "Unit" : "Đơn vị", $"{header.UnitName} ({header.UnitCode})"),
            new(en ? "Period" : "Kỳ báo cáo", header.PeriodLabel),
            new(en ? "For" : "Dành cho", ReportWords.Audience(en)),
            new(en ? "Generated" : "Thời điểm lập", new VietnamClock(TimeProvider.System).Local(header.GeneratedAt), ExcelFormats.DateTime),
            new(en ? "Data as of" : "Số liệu tính đến", p.AsOf, ExcelFormats.DateTime),
            new(en ? "Source" : "Nguồn số liệu", ReportWords.Source(en)),
            new(en ? "Submissions used" : "Số báo cáo được sử dụng", p.SubmissionsUsed),
            new(en ? "Grassroots units expected to report" : "Số CĐCS phải báo cáo", p.UnitsExpected),
            new(en ? "Grassroots units reported" : "Số CĐCS đã báo cáo", p.UnitsReceived),
            new(en ? "Completeness" : "Tỷ lệ đã báo cáo", p.ReceivedShare, ExcelFormats.Percent),
            new(en ? "Reported late" : "Số CĐCS nộp trễ hạn", p.UnitsLate),
            new(en ? "Not reported" : "Số CĐCS chưa nộp", p.UnitsMissing),
            new(en ? "Last submission received" : "Báo cáo nhận sau cùng", p.LastReceivedAt, ExcelFormats.DateTime),
            new(en ? "Times" : "Thời gian", Capitalised(new VietnamClock(TimeProvider.System).ZoneName(Languages.From(en)))),
        ];
        foreach (var note in header.StockNotes ?? [])
            items.Add(new(en ? "Stock totals" : "Lưu ý số liệu thời điểm", CellText.Safe(note)));
        // A report asked for although nothing was reported says so first, rather than showing empty tables.
        if (p.SubmissionsUsed == 0)
            items.Insert(1, new(MissingLabel(en), en
                ? $"No accepted submission in the unit's scope for {header.PeriodCode}: the tables are empty."
                : $"Chưa có báo cáo nào được chấp nhận trong phạm vi đơn vị cho kỳ {header.PeriodCode}: các bảng trống."));
        return items;
    }
}
