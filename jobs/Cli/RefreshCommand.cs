using Analytics.Warehouse.Vocabulary;
using System.CommandLine;
using Analytics.Jobs.Operations;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics refresh`: rebuild the metric tables and v_attainment after an ingest or a registry import.</summary>
public static class RefreshCommand
{
    public static Command Build(CliContext cli)
    {
        var asOfOption = cli.Date("--as-of", "ngày tính v_attainment (mặc định: hôm nay)", "date v_attainment is computed for (default: today)");
        var command = new Command("refresh", cli.T(
            "Tính lại các bảng số liệu sau v_rollup, v_trend_yearly và v_attainment",
            "Rebuild the metric tables behind v_rollup, v_trend_yearly and v_attainment"))
        {
            asOfOption,
        };
        return command.Runs(cli, run =>
        {
            var asOf = run.Get(asOfOption) ?? run.Today;
            using var warehouse = run.OpenWarehouse(mustExist: true);
            using var connection = warehouse.Connect();
            var result = Terminal.Progress(run.Error, run.T("làm mới", "refresh"), 100,
                bar => MetricsRefresh.Run(connection, asOf, new Progress<double>(percent => bar?.Value = percent)));
            run.Out.WriteLine(run.T(
                $"Đã làm mới: {Language.Vi.Count(result.LeafRows)} giá trị đơn vị, {Language.Vi.Count(result.RollupRows)} dòng cầu nối, {Language.Vi.Count(result.AttainmentRows)} chỉ tiêu tính đến {asOf:dd/MM/yyyy} trong {Language.Vi.Seconds(result.Elapsed.TotalSeconds)}.",
                $"Refreshed: {Language.En.Count(result.LeafRows)} unit values, {Language.En.Count(result.RollupRows)} bridge rows, {Language.En.Count(result.AttainmentRows)} target assessments as of {asOf:yyyy-MM-dd} in {Language.En.Seconds(result.Elapsed.TotalSeconds)}."));
            return CliApp.Ok;
        });
    }
}
