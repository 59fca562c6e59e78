using Analytics.Warehouse.Store;
namespace Analytics.Jobs.Cli;

/// <summary>`analytics info`: what the warehouse holds.</summary>
public static class InfoCommand
{
    public static readonly CommandSpec Spec = new(
        "info",
        "Show the warehouse file, schema version and row counts",
        "./analytics info [--db PATH]",
        [],
        Run);

    private static int Run(Invocation cli)
    {
        using var warehouse = cli.OpenWarehouse(mustExist: true);
        using var connection = warehouse.Connect();
        cli.Out.WriteLine($"warehouse   {Path.GetFullPath(warehouse.Path)}");
        cli.Out.WriteLine($"schema      version {Analytics.Warehouse.Schema.Migrator.CurrentVersion(connection)}");
        foreach (var table in new[] { "dim_unit", "dim_period", "dim_indicator", "submission", "fact_value" })
            cli.Out.WriteLine($"{table,-12}{connection.Scalar<long>($"SELECT count(*) FROM {table}"),12:N0} rows");
        return CliApp.Ok;
    }
}
