using Analytics.Etl.Parsing;
using Analytics.Reports;
using Analytics.Reports.Charts;
using Analytics.Reports.Conference;
using Analytics.Reports.Data;
using Analytics.Reports.Excel;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics report monthly|annual|plan|conference`: the charted workbooks and the conference pack.</summary>
public static class ReportCommand
{
    public static readonly CommandSpec Spec = new(
        "report",
        "Write a report: monthly, annual or plan workbook (xlsx with charts), or the conference pack (PNG/SVG + index.html)",
        "./analytics report monthly|annual|plan|conference --unit CODE --period P [--plan ID] [--lang vi|en] --out DIR",
        [
            new("--unit", "CODE", "the unit reported on (plan: default the plan's issuer)"),
            new("--period", "P", "monthly: a month (2024-05); annual, conference: a year (2024); plan: the year assessed"),
            new("--plan", "ID", "plan: the plan id (000…004, docs/plans.md)"),
            new("--out", "DIR", "the folder to write into (created when missing)"),
        ],
        Run,
        "Figures come from the metrics tables (refreshed when stale). Reports are deterministic: the same data and\n" +
        "the same clock give the same workbook and the same SVGs. Progress goes to standard error; the files written\n" +
        "are printed one per line.");

    private static int Run(Invocation cli)
    {
        if (cli.Arguments.Count != 1 || cli.Arguments[0] is not ("monthly" or "annual" or "plan" or "conference"))
        {
            throw new UsageException("say which report: monthly, annual, plan or conference.");
        }
        var kind = cli.Arguments[0];
        var periodText = cli.Require("--period");
        if (!PeriodParser.TryParse(periodText, out var period, out var error)) throw new UsageException(error.In(cli.English));
        if (kind == "monthly" && period.Type != PeriodType.Month) throw new UsageException(cli.English ? "the monthly report needs a month, e.g. 2024-05." : "báo cáo tháng cần một tháng, ví dụ 2024-05.");
        var unit = kind == "plan" ? cli.Get("--unit") : cli.Require("--unit");
        var planId = kind == "plan" ? cli.Require("--plan") : cli.Get("--plan");
        var outDir = cli.Require("--out");
        var en = cli.English;

        try
        {
            using var warehouse = cli.OpenWarehouse();
            using var connection = warehouse.Connect();
            cli.Error.WriteLine(en ? $"Reading figures for {unit ?? planId}, {period.Code}…" : $"Đang đọc số liệu {unit ?? planId}, kỳ {period.Code}…");
            var loader = new ReportLoader(connection, cli.Clock, en);
            var written = new List<string>();
            switch (kind)
            {
                case "monthly":
                {
                    var data = loader.Monthly(unit!, period.Code);
                    written.Add(Save(outDir, en ? $"monthly-report-{unit}-{period.Code}.xlsx" : $"bao-cao-thang-{unit}-{period.Code}.xlsx", MonthlyWorkbook.Build(data)));
                    break;
                }
                case "annual":
                {
                    var data = loader.Annual(unit!, period.Code);
                    written.Add(Save(outDir, en ? $"annual-report-{unit}-{data.Year}.xlsx" : $"bao-cao-nam-{unit}-{data.Year}.xlsx", AnnualWorkbook.Build(data)));
                    break;
                }
                case "plan":
                {
                    var data = loader.Plan(planId!, unit, period.Code);
                    written.Add(Save(outDir, en ? $"plan-scorecard-{planId}-{data.Header.UnitCode}-{period.Code}.xlsx" : $"chi-tieu-ke-hoach-{planId}-{data.Header.UnitCode}-{period.Code}.xlsx", PlanScorecardWorkbook.Build(data)));
                    break;
                }
                default:
                {
                    var annual = loader.Annual(unit!, period.Code);
                    var planIds = planId is not null ? [planId] : ReportLoader.PlansIssuedBy(unit!, annual.Year);
                    var plans = planIds.Select(p => loader.Plan(p, unit, annual.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
                    var charts = ConferencePack.Charts(annual, plans);
                    using var worker = new ChartWorker();
                    using var progress = new ProgressLine(cli.Error, charts.Count, en ? "Charts" : "Biểu đồ");
                    var title = en ? $"{annual.Header.UnitName} — key charts {annual.Year}" : $"{annual.Header.UnitName} — biểu đồ chủ yếu năm {annual.Year}";
                    written.AddRange(ConferencePack.Write(charts, worker, outDir, title, en, new Progress(progress)));
                    break;
                }
            }
            foreach (var file in written) cli.Out.WriteLine(file);
            return CliApp.Ok;
        }
        catch (ArgumentException e)
        {
            cli.Error.WriteLine($"analytics report: {e.Message.Split(" (Parameter", 2)[0]}");
            return CliApp.Refused;
        }
        catch (KeyNotFoundException e)
        {
            cli.Error.WriteLine($"analytics report: {e.Message}");
            return CliApp.Refused;
        }
        catch (ChartRenderException e)
        {
            cli.Error.WriteLine($"analytics report: {e.Message}");
            return CliApp.Refused;
        }
    }

    private static string Save(string directory, string name, byte[] bytes)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // Progress<T> posts to a sync context; the bar wants the calls in order on this thread.
    private sealed class Progress(ProgressLine line) : IProgress<int>
    {
        public void Report(int value) => line.Report(value);
    }
}
