using System.CommandLine;
using Analytics.Etl.Files;
using Analytics.Etl.Registry;
using Analytics.Jobs.Operations;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics units …`: the unit registry.</summary>
public static class UnitsCommands
{
    public static Command BuildImport(CliContext cli)
    {
        var file = cli.Argument("FILE", "tệp danh mục CSV hoặc xlsx", "the registry file, CSV or xlsx");
        var command = new Command("import", cli.T(
            "Nạp danh mục đơn vị (kèm lịch sử) từ CSV hoặc xlsx\n\n" +
            "Cột: unit_code,name,parent_code,level,sector,valid_from,valid_to,successor_code.\nCả tệp bị từ chối nếu có một dòng sai; nạp lại cùng tệp không thay đổi gì.",
            "Load the unit registry (with history) from CSV or xlsx\n\n" +
            "Columns: unit_code,name,parent_code,level,sector,valid_from,valid_to,successor_code.\nThe whole file is refused if any row is bad; re-importing the same file changes nothing."))
        {
            file,
        };
        return command.Runs(cli, run =>
        {
            var path = run.Get(file)!;
            if (!File.Exists(path)) throw new UsageException(run.T($"không có tệp '{path}'.", $"no file '{path}'."));
            using var warehouse = run.OpenWarehouse();
            using var connection = warehouse.Connect();
            UnitRegistryImport.Result result;
            try
            {
                result = UnitsImport.Run(connection, path);
            }
            catch (UnreadableFileException e)
            {
                run.Error.WriteLine(e.Message);
                return CliApp.Refused;
            }
            if (result.Refused)
            {
                run.Error.WriteLine(run.T(
                    $"{Path.GetFileName(path)}: bị từ chối, không nạp dòng nào ({result.Issues.Count} lỗi):",
                    $"{Path.GetFileName(path)}: refused, nothing loaded ({result.Issues.Count} problem(s)):"));
                foreach (var issue in result.Issues) run.Error.WriteLine("  " + issue.Format(path, run.English));
                return CliApp.Refused;
            }
            run.Out.WriteLine(run.T(
                $"{Path.GetFileName(path)}: {result.RowsRead} dòng — thêm {result.Added}, sửa {result.Changed}, không đổi {result.Unchanged}.",
                $"{Path.GetFileName(path)}: {result.RowsRead} rows — {result.Added} added, {result.Changed} changed, {result.Unchanged} unchanged."));
            return CliApp.Ok;
        });
    }
}
