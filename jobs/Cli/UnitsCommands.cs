namespace Analytics.Jobs.Cli;

/// <summary>`analytics units …`: the unit registry.</summary>
public static class UnitsCommands
{
    public static readonly CommandSpec Import = new(
        "units import",
        "Load the unit registry (with history) from CSV or xlsx",
        "./analytics units import FILE [--db PATH]",
        [],
        RunImport,
        "Columns: unit_code,name,parent_code,level,sector,valid_from,valid_to,successor_code.\nThe whole file is refused if any row is bad; re-importing the same file changes nothing.");

    private static int RunImport(Invocation cli)
    {
        if (cli.Arguments.Count != 1) throw new UsageException("give exactly one FILE.");
        throw new NotImplementedException();
    }
}
