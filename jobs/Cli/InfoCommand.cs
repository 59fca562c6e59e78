using System.CommandLine;
using Analytics.Warehouse.Store;
using Analytics.Warehouse.Vocabulary;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics info`: what the warehouse holds.</summary>
public static class InfoCommand
{
    public static Command Build(CliContext cli) => new Command("info", cli.T(
            "Cho biết tệp kho dữ liệu, phiên bản lược đồ và số dòng",
            "Show the warehouse file, schema version and row counts"))
        .Runs(cli, run =>
        {
            using var warehouse = run.OpenWarehouse(mustExist: true);
            using var connection = warehouse.Connect();
            var language = Languages.From(run.English);
            // Labels in the user's language; table names stay the identifiers analysts query.
            var labels = new[] { run.T("kho dữ liệu", "warehouse"), run.T("lược đồ", "schema") };
            var width = labels.Max(l => l.Length) + 2;
            run.Out.WriteLine($"{labels[0].PadRight(width)}{Path.GetFullPath(warehouse.Path)}");
            run.Out.WriteLine($"{labels[1].PadRight(width)}{run.T("phiên bản", "version")} {Analytics.Warehouse.Schema.Migrator.CurrentVersion(connection)}");
            foreach (var table in new[] { "dim_unit", "dim_period", "dim_indicator", "submission", "fact_value" })
            {
                var rows = connection.Scalar<long>($"SELECT count(*) FROM {table}");
                var unit = run.English && rows == 1 ? "row" : run.T("dòng", "rows");
                run.Out.WriteLine($"{table,-14}{language.Count(rows),12} {unit}");
            }
            return CliApp.Ok;
        });
}
