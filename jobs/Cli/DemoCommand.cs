namespace Analytics.Jobs.Cli;

/// <summary>`analytics demo`: the main job end to end on a generated sample organisation.</summary>
public static class DemoCommand
{
    public static readonly CommandSpec Spec = new(
        "demo",
        "Run the main job end to end on a sample organisation and print a summary",
        "./analytics demo [--db PATH] [--out DIR]",
        [new("--out", "DIR", "where the sample and outputs go", Default: "./data/demo")],
        Run);

    private static int Run(Invocation cli)
    {
        using var warehouse = cli.OpenWarehouse();
        using var connection = warehouse.Connect();
        cli.Out.WriteLine($"Warehouse ready at {Path.GetFullPath(warehouse.Path)} (schema version {Analytics.Warehouse.Schema.Migrator.CurrentVersion(connection)}).");
        return CliApp.Ok;
    }
}
