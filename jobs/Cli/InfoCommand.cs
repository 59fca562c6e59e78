using System.CommandLine;
using Analytics.Warehouse.Store;

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
            run.Out.WriteLine($"warehouse   {Path.GetFullPath(warehouse.Path)}");
            run.Out.WriteLine($"schema      version {Analytics.Warehouse.Schema.Migrator.CurrentVersion(connection)}");
            foreach (var table in new[] { "dim_unit", "dim_period", "dim_indicator", "submission", "fact_value" })
                run.Out.WriteLine($"{table,-12}{connection.Scalar<long>($"SELECT count(*) FROM {table}"),12:N0} rows");
            return CliApp.Ok;
        });
}
