using Analytics.Jobs.Operations;
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
            var publisher = new ReportPublisher(connection, cli.Clock, en);
            var written = new List<string>();
            switch (kind)
            {
                case "monthly":
                    written.Add(publisher.Monthly(unit!, period.Code, outDir));
                    break;
                case "annual":
                    written.Add(publisher.Annual(unit!, period.Code, outDir));
                    break;
                case "plan":
                    written.Add(publisher.Plan(planId!, unit, period.Code, outDir));
                    break;
                default:
                {
                    ProgressLine? progress = null;
                    try
                    {
                        written.AddRange(publisher.Conference(unit!, period.Code, planId, outDir, new InlineProgress<(int Done, int Total)>(p =>
                            (progress ??= new ProgressLine(cli.Error, p.Total, en ? "Charts" : "Biểu đồ")).Report(p.Done))));
                    }
                    finally
                    {
                        progress?.Dispose();
                    }
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
}
