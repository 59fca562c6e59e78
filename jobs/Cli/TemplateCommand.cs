using Analytics.Etl.Ingest;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics template`: the official submission workbook for a unit and period.</summary>
public static class TemplateCommand
{
    public static readonly CommandSpec Spec = new(
        "template",
        "Write the official submission template (xlsx, Vietnamese) for a unit and period",
        "./analytics template --unit CODE --period P --out FILE.xlsx",
        [
            new("--unit", "CODE", "the reporting unit's code"),
            new("--period", "P", "the period, e.g. 2024-Q1 or \"Quý I/2024\""),
            new("--out", "FILE", "the workbook to write"),
        ],
        Run);

    private static int Run(Invocation cli)
    {
        var unit = cli.Require("--unit");
        var period = cli.Require("--period");
        var output = cli.Require("--out");
        using var warehouse = cli.OpenWarehouse(mustExist: true);
        using var connection = warehouse.Connect();
        try
        {
            var codes = SubmissionTemplate.Write(connection, unit, period, output);
            cli.Out.WriteLine(cli.English
                ? $"{output}: template for {unit}, {period}, {codes.Count} indicators."
                : $"{output}: mẫu báo cáo của {unit}, kỳ {period}, {codes.Count} chỉ tiêu.");
            return CliApp.Ok;
        }
        catch (ArgumentException e)
        {
            cli.Error.WriteLine(e.Message.Split(" (Parameter", 2)[0]);
            return CliApp.Refused;
        }
    }
}
