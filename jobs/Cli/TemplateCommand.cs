using System.CommandLine;
using Analytics.Jobs.Operations;
using Analytics.Warehouse.Vocabulary;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics template`: the official submission workbook for a unit and period.</summary>
public static class TemplateCommand
{
    public static Command Build(CliContext cli)
    {
        var unit = cli.Text("--unit", "CODE", "mã đơn vị báo cáo", "the reporting unit's code", required: true);
        var period = cli.Period("--period", "kỳ báo cáo, ví dụ 2024-Q1 hoặc \"Quý I/2024\"", "the period, e.g. 2024-Q1 or \"Quý I/2024\"", required: true);
        var output = cli.Text("--out", "FILE", "tệp Excel cần ghi", "the workbook to write", required: true);
        var command = new Command("template", cli.T(
            "Ghi mẫu báo cáo chính thức (xlsx, tiếng Việt) cho một đơn vị và một kỳ",
            "Write the official submission template (xlsx, Vietnamese) for a unit and period"))
        {
            unit, period, output,
        };
        return command.Runs(cli, run =>
        {
            var (code, periodCode, path) = (run.Get(unit)!, run.Get(period)!.Code, run.Get(output)!);
            using var warehouse = run.OpenWarehouse(mustExist: true);
            using var connection = warehouse.Connect();
            try
            {
                var codes = TemplateWriting.Write(connection, code, periodCode, path);
                run.Out.WriteLine(run.T(
                    $"{path}: mẫu báo cáo của {code}, kỳ {periodCode}, {codes.Count} chỉ tiêu.",
                    $"{path}: template for {code}, {periodCode}, {codes.Count} indicators."));
                return CliApp.Ok;
            }
            catch (UnknownNameException e)
            {
                throw new UsageException(e.In(run.English));
            }
            catch (ArgumentException e)
            {
                run.Error.WriteLine(e.Message.Split(" (Parameter", 2)[0]);
                return CliApp.Refused;
            }
        });
    }
}
