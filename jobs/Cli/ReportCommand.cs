using Analytics.Warehouse.Vocabulary;
using System.CommandLine;
using Analytics.Jobs.Operations;
using Analytics.Reports.Charts;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics report monthly|annual|plan|conference`: the charted workbooks and the conference pack.</summary>
public static class ReportCommand
{
    public static Command Build(CliContext cli)
    {
        var kindArgument = cli.Argument("KIND", "báo cáo nào: monthly, annual, plan hoặc conference", "which report: monthly, annual, plan or conference", ReportWriting.Kinds);
        var unitOption = cli.Text("--unit", "CODE", "đơn vị được báo cáo (plan: mặc định đơn vị ban hành kế hoạch)", "the unit reported on (plan: default the plan's issuer)");
        var periodOption = cli.Period("--period",
            "monthly: một tháng (2024-05); annual, conference: một năm (2024); plan: năm được đánh giá",
            "monthly: a month (2024-05); annual, conference: a year (2024); plan: the year assessed", required: true);
        var planOption = cli.Text("--plan", "ID", "plan: mã kế hoạch (000…004, docs/plans.md)", "plan: the plan id (000…004, docs/plans.md)");
        var outOption = cli.Text("--out", "DIR", "thư mục ghi kết quả (tạo mới nếu chưa có)", "the folder to write into (created when missing)", required: true);
        var command = new Command("report", cli.T(
            "Viết báo cáo: báo cáo tháng, năm hoặc kế hoạch (xlsx có biểu đồ), hoặc bộ tài liệu đại hội (PNG/SVG + index.html)\n\n" +
            "Số liệu lấy từ các bảng số liệu (tự tính lại khi cũ). Báo cáo tất định: cùng dữ liệu và cùng đồng hồ cho cùng tệp\n" +
            "Excel và cùng SVG. Tiến độ ghi ra luồng lỗi chuẩn; các tệp đã ghi được in ra, mỗi tệp một dòng.",
            "Write a report: monthly, annual or plan workbook (xlsx with charts), or the conference pack (PNG/SVG + index.html)\n\n" +
            "Figures come from the metrics tables (refreshed when stale). Reports are deterministic: the same data and\n" +
            "the same clock give the same workbook and the same SVGs. Progress goes to standard error; the files written\n" +
            "are printed one per line."))
        {
            kindArgument, unitOption, periodOption, planOption, outOption,
        };
        return command.Runs(cli, run =>
        {
            var kind = run.Get(kindArgument)!;
            var period = run.Get(periodOption)!;
            if (kind == "monthly" && period.Type != PeriodType.Month)
                throw new UsageException(run.T("báo cáo tháng cần một tháng, ví dụ 2024-05.", "the monthly report needs a month, e.g. 2024-05."));
            var unit = run.Get(unitOption);
            var planId = run.Get(planOption);
            if (kind != "plan" && unit is null) throw new UsageException(run.T($"báo cáo {kind} cần --unit CODE.", $"the {kind} report needs --unit CODE."));
            if (kind == "plan" && planId is null) throw new UsageException(run.T("báo cáo kế hoạch cần --plan ID.", "the plan report needs --plan ID."));
            try
            {
                using var warehouse = run.OpenWarehouse();
                using var connection = warehouse.Connect();
                var request = new ReportRequest(kind, unit, period.Code, planId, run.Get(outOption)!);
                var reading = run.T($"Đang đọc số liệu {unit ?? planId}, kỳ {period.Code}…", $"Reading figures for {unit ?? planId}, {period.Code}…");
                if (kind == "conference") run.Error.WriteLine(reading);
                var written = kind == "conference"
                    ? Terminal.Progress(run.Error, run.T("Biểu đồ", "Charts"), 1, bar => ReportWriting.Write(connection, request, run.Clock, run.English,
                        new Progress<(int Done, int Total)>(p =>
                        {
                            if (bar is null) return;
                            bar.MaxValue = Math.Max(p.Total, 1);
                            bar.Value = p.Done;
                        })))
                    : Terminal.Status(run.Error, reading, () => ReportWriting.Write(connection, request, run.Clock, run.English));
                foreach (var file in written) run.Out.WriteLine(file);
                return CliApp.Ok;
            }
            catch (UnknownNameException e)
            {
                throw new UsageException(e.In(run.English));
            }
            catch (Exception e) when (e is ArgumentException or KeyNotFoundException or ChartRenderException)
            {
                run.Error.WriteLine($"analytics report: {e.Message.Split(" (Parameter", 2)[0]}");
                return CliApp.Refused;
            }
        });
    }
}
