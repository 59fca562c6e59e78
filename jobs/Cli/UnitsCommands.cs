using Analytics.Etl.Files;
using Analytics.Etl.Registry;

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
        var path = cli.Arguments[0];
        if (!File.Exists(path)) throw new UsageException($"no file '{path}'.");
        using var warehouse = cli.OpenWarehouse();
        using var connection = warehouse.Connect();
        UnitRegistryImport.Result result;
        try
        {
            result = UnitRegistryImport.Import(connection, path);
        }
        catch (UnreadableFileException e)
        {
            cli.Error.WriteLine(e.Message);
            return CliApp.Refused;
        }
        if (result.Refused)
        {
            cli.Error.WriteLine(cli.English
                ? $"{Path.GetFileName(path)}: refused, nothing loaded ({result.Issues.Count} problem(s)):"
                : $"{Path.GetFileName(path)}: bị từ chối, không nạp dòng nào ({result.Issues.Count} lỗi):");
            foreach (var issue in result.Issues) cli.Error.WriteLine("  " + issue.Format(path, cli.English));
            return CliApp.Refused;
        }
        cli.Out.WriteLine(cli.English
            ? $"{Path.GetFileName(path)}: {result.RowsRead} rows — {result.Added} added, {result.Changed} changed, {result.Unchanged} unchanged."
            : $"{Path.GetFileName(path)}: {result.RowsRead} dòng — thêm {result.Added}, sửa {result.Changed}, không đổi {result.Unchanged}.");
        return CliApp.Ok;
    }
}
