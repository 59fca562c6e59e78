using Analytics.Warehouse.Metrics;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics trend`: a yearly series for a unit with the change from year to year.</summary>
public static class TrendCommand
{
    public static readonly CommandSpec Spec = new(
        "trend",
        "Print an indicator per year for a unit, with year-on-year change",
        "./analytics trend INDICATOR --unit CODE --from YEAR --to YEAR [--hierarchy as-is|as-was] [--like-for-like] [--sector S] [--format table|csv|json]",
        [
            new("--unit", "CODE", "unit code"),
            new("--from", "YEAR", "first year"),
            new("--to", "YEAR", "last year"),
            new("--hierarchy", "as-is|as-was", "today's organisation or the one during each year", Default: "as-is"),
            new("--like-for-like", null, "only units active over the whole window"),
            new("--sector", "S", "only grassroots unions of this sector; repeatable", Repeatable: true),
            new("--format", "table|csv|json", "output format", Default: "table"),
        ],
        Run);

    private static int Run(Invocation cli)
    {
        if (cli.Arguments.Count != 1) throw new UsageException("give exactly one INDICATOR.");
        var format = cli.Get("--format")!;
        if (format is not ("table" or "csv" or "json")) throw new UsageException("--format must be table, csv or json.");
        if (!int.TryParse(cli.Require("--from"), out var from) || !int.TryParse(cli.Require("--to"), out var to))
            throw new UsageException("--from and --to are years, e.g. 2021.");
        var hierarchy = MetricCommand.ParseHierarchy(cli);
        var sectors = cli.GetAll("--sector");
        var metrics = MetricCommand.OpenMetrics(cli, out var warehouse, out var connection);
        using (warehouse)
        using (connection)
        {
            IReadOnlyList<TrendPoint> points;
            try
            {
                points = metrics.Trend(cli.Arguments[0], cli.Require("--unit"), from, to, hierarchy, cli.Has("--like-for-like"), sectors.Count == 0 ? null : sectors);
            }
            catch (UnknownNameException e)
            {
                throw new UsageException(e.In(cli.English));
            }
            catch (ArgumentException e)
            {
                cli.Error.WriteLine($"analytics trend: {e.Message}");
                return CliApp.Refused;
            }
            TextTable.Write(cli.Out, format,
                ["year", "indicator", "unit", "hierarchy", "value", "numerator", "denominator", "change", "change_ratio"],
                [.. points.Select(p => (IReadOnlyList<object?>)[p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Value.Indicator, p.Value.UnitCode, Attainment.HierarchyCode(hierarchy),
                    p.Value.Value, p.Value.Numerator, p.Value.Denominator, p.Change, p.ChangeRatio])]);
            return CliApp.Ok;
        }
    }
}
