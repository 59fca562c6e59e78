using Analytics.Warehouse.Metrics;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics refresh`: rebuild the metric tables and v_attainment after an ingest or a registry import.</summary>
public static class RefreshCommand
{
    public static readonly CommandSpec Spec = new(
        "refresh",
        "Rebuild the metric tables behind v_rollup, v_trend_yearly and v_attainment",
        "./analytics refresh [--as-of yyyy-MM-dd]",
        [new("--as-of", "DATE", "date v_attainment is computed for (default: today)")],
        Run);

    private static int Run(Invocation cli)
    {
        var asOf = DateOnly.FromDateTime(cli.Clock.GetLocalNow().DateTime);
        if (cli.Get("--as-of") is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out asOf))
            throw new UsageException($"--as-of '{text}' is not a date yyyy-MM-dd.");
        using var warehouse = cli.OpenWarehouse(mustExist: true);
        using var connection = warehouse.Connect();
        var plans = Analytics.Warehouse.Plans.PlanCatalog.FromEnvironment();
        RefreshResult result;
        using (var bar = new ProgressLine(cli.Error, 100, cli.English ? "refresh" : "làm mới"))
            result = Metrics.Refresh(connection, asOf, plans, new InlineProgress<double>(percent => bar.Report((int)percent)));
        cli.Out.WriteLine(cli.English
            ? $"Refreshed: {result.LeafRows:N0} unit values, {result.RollupRows:N0} bridge rows, {result.AttainmentRows:N0} target assessments as of {asOf:yyyy-MM-dd} in {result.Elapsed.TotalSeconds:0.0} s."
            : $"Đã làm mới: {result.LeafRows:N0} giá trị đơn vị, {result.RollupRows:N0} dòng cầu nối, {result.AttainmentRows:N0} chỉ tiêu tính đến {asOf:dd/MM/yyyy} trong {result.Elapsed.TotalSeconds:0.0} giây.");
        return CliApp.Ok;
    }
}
