using System.Globalization;
using System.Text.Json;
using Analytics.Warehouse.Store;
using DuckDB.NET.Data;
using Analytics.Warehouse.Metrics;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics metric`: one figure for a unit and a period; for a rate also its numerator and denominator.</summary>
public static class MetricCommand
{
    public static readonly CommandSpec Spec = new(
        "metric",
        "Print one figure (rolled up over the unit's subtree) for a period",
        "./analytics metric INDICATOR --unit CODE --period P [--hierarchy as-is|as-was] [--sector S] [--format table|json]",
        [
            new("--unit", "CODE", "unit code (its subtree is summed)"),
            new("--period", "P", "2024, 2024-Q1, 2024-H1, 2024-9M, 2024-03, or as in a report (\"Quý I/2024\", \"6 tháng đầu năm 2024\")"),
            new("--hierarchy", "as-is|as-was", "today's organisation or the one during the period", Default: "as-is"),
            new("--sector", "S", "only grassroots unions of this sector (public, soe, private); repeatable", Repeatable: true),
            new("--format", "table|json", "output format", Default: "table"),
        ],
        Run,
        "Rules: docs/analyst-guide.md. Rates are ratios of sums over the units in scope.");

    internal static Hierarchy ParseHierarchy(Invocation cli) => cli.Get("--hierarchy") switch
    {
        "as-is" => Hierarchy.AsIs,
        "as-was" => Hierarchy.AsWas,
        var other => throw new UsageException($"--hierarchy must be as-is or as-was, not '{other}'."),
    };

    internal static Metrics OpenMetrics(Invocation cli, out Analytics.Warehouse.Warehouse warehouse, out DuckDBConnection connection)
    {
        warehouse = cli.OpenWarehouse(mustExist: true);
        connection = warehouse.Connect();
        return new Metrics(connection);
    }

    private static int Run(Invocation cli)
    {
        if (cli.Arguments.Count != 1) throw new UsageException("give exactly one INDICATOR.");
        var format = cli.Get("--format")!;
        if (format is not ("table" or "json")) throw new UsageException("--format must be table or json.");
        var hierarchy = ParseHierarchy(cli);
        var sectors = cli.GetAll("--sector");
        // Every spelling ingest and `template` accept, walked once into the period's code.
        if (!Analytics.Etl.Parsing.PeriodParser.TryParse(cli.Require("--period"), out var period, out var periodError))
            throw new UsageException(periodError.In(cli.English));
        var metrics = OpenMetrics(cli, out var warehouse, out var connection);
        using (warehouse)
        using (connection)
        {
            MetricValue value;
            try
            {
                value = metrics.Get(cli.Arguments[0], cli.Require("--unit"), period.Code, hierarchy, sectors.Count == 0 ? null : sectors);
            }
            catch (UnknownNameException e)
            {
                throw new UsageException(e.In(cli.English));
            }
            catch (ArgumentException e)
            {
                cli.Error.WriteLine($"analytics metric: {e.Message}");
                return CliApp.Refused;
            }
            var h = Attainment.HierarchyCode(hierarchy);
            if (format == "json")
            {
                cli.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["indicator"] = value.Indicator, ["unit"] = value.UnitCode, ["period"] = value.PeriodCode, ["hierarchy"] = h,
                    ["value"] = value.Value, ["numerator"] = value.Numerator, ["denominator"] = value.Denominator,
                }));
                return CliApp.Ok;
            }
            TextTable.Write(cli.Out, "table",
                ["indicator", "unit", "period", "hierarchy", "value", "numerator", "denominator"],
                [[value.Indicator, value.UnitCode, value.PeriodCode, h, Format(value.Value), Format(value.Numerator), Format(value.Denominator)]]);
            return CliApp.Ok;
        }
    }

    internal static string Format(double? x) => x is { } v ? v.ToString(v == Math.Floor(v) ? "0" : "0.####", CultureInfo.InvariantCulture) : "";
}
