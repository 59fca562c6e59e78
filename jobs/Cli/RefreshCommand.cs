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
                $"Đã làm mới: {result.LeafRows:N0} giá trị đơn vị, {result.RollupRows:N0} dòng cầu nối, {result.AttainmentRows:N0} chỉ tiêu tính đến {asOf:dd/MM/yyyy} trong {result.Elapsed.TotalSeconds:0.0} giây.",
                $"Refreshed: {result.LeafRows:N0} unit values, {result.RollupRows:N0} bridge rows, {result.AttainmentRows:N0} target assessments as of {asOf:yyyy-MM-dd} in {result.Elapsed.TotalSeconds:0.0} s."));
            return CliApp.Ok;
        });
    }
}
