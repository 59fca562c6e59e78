using Analytics.Jobs.Operations;
using System.Globalization;
using Analytics.Warehouse.Completeness;
using Analytics.Warehouse.Metrics;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics completeness`: who has reported, on time, late or not at all.</summary>
public static class CompletenessCommand
{
    public static readonly CommandSpec Spec = new(
        "completeness",
        "Submissions expected, received, on time, late and missing for a period, naming the late and missing units",
        "./analytics completeness --period P [--unit CODE] [--as-of DATE] [--list units|reporters] [--format table|csv|json]",
        [
            new("--period", "P", "the period, e.g. 2024-Q1"),
            new("--unit", "CODE", "a unit above grassroots: it and its children (default: national and provinces)"),
            new("--as-of", "DATE", "count what had arrived by this date or timestamp (default: now)"),
            new("--list", "units|reporters", "counts per unit, or every expected reporter with its status", Default: "units"),
            new("--format", "table|csv|json", "output format", Default: "table"),
        ],
        Run);

    private static int Run(Invocation cli)
    {
        var periodText = cli.Require("--period");
        if (!Analytics.Etl.Parsing.PeriodParser.TryParse(periodText, out var period, out var error))
            throw new UsageException(error.In(cli.English));
        var asOf = cli.Clock.GetUtcNow().UtcDateTime;
        if (cli.Get("--as-of") is { } text)
        {
            if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out asOf))
                throw new UsageException($"--as-of '{text}' is not a date.");
            if (asOf.TimeOfDay == TimeSpan.Zero) asOf = asOf.AddDays(1).AddTicks(-1); // a date means the end of that day
        }
        var format = cli.Get("--format")!;
        var list = cli.Get("--list")!;
        if (list is not ("units" or "reporters")) throw new UsageException(cli.English ? "--list must be units or reporters." : "--list phải là units hoặc reporters.");
        using var warehouse = cli.OpenWarehouse(mustExist: true);
        using var connection = warehouse.Connect();
        CompletenessReport.Result result;
        try
        {
            result = CompletenessCheck.Compute(connection, period.Code, asOf, cli.Get("--unit"));
        }
        catch (UnknownNameException e)
        {
            // A mistyped unit is a usage error, not an empty table.
            throw new UsageException(e.In(cli.English));
        }
        var en = cli.English;

        if (format == "json")
        {
            cli.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
            {
                period = result.PeriodCode,
                as_of = result.AsOf,
                deadline = result.Deadline,
                reporters = result.Reporters,
                units = result.Units.Select(u => new { unit = u.UnitCode, name = u.Name, level = u.Level, expected = u.Expected, received = u.Received, on_time = u.OnTime, late = u.Late, missing = u.Missing }),
                late_or_missing = result.LateOrMissing.Select(g => new { unit = g.UnitCode, name = g.Name, parent = g.ParentCode, status = g.Status, received_at = g.ReceivedAt, refused = g.RefusedCount }),
                expected_reporters = result.Expected.Select(g => new { unit = g.UnitCode, name = g.Name, parent = g.ParentCode, status = CompletenessCheck.Status(g), received_at = g.ReceivedAt, refused = g.RefusedCount }),
            }, TextTable.JsonOptions));
            return CliApp.Ok;
        }
        if (list == "reporters")
        {
            // One row per expected reporter: on_time, late, missing, or refused (missing, with every file it sent refused).
            string[] reporterHeaders = en
                ? ["unit", "name", "parent", "status", "received", "refused"]
                : ["mã đơn vị", "tên đơn vị", "cấp trên", "tình trạng", "ngày nhận", "bị từ chối"];
            TextTable.Write(cli.Out, format, reporterHeaders, result.Expected.Select(g => (IReadOnlyList<object?>)[
                g.UnitCode, g.Name, g.ParentCode, format == "table" ? CompletenessCheck.StatusWords(CompletenessCheck.Status(g), en) : CompletenessCheck.Status(g), g.ReceivedAt, g.RefusedCount]));
            return CliApp.Ok;
        }

        string[] headers = en
            ? ["unit", "name", "level", "expected", "received", "on time", "late", "missing", "received %"]
            : ["mã đơn vị", "tên đơn vị", "cấp", "phải nộp", "đã nộp", "đúng hạn", "trễ hạn", "chưa nộp", "% đã nộp"];
        var rows = result.Units.Select(u => (IReadOnlyList<object?>)[u.UnitCode, u.Name, u.Level, u.Expected, u.Received, u.OnTime, u.Late, u.Missing, Math.Round(100 * u.ReceivedShare, 1)]);
        if (format == "table")
        {
            cli.Out.WriteLine(en
                ? $"Completeness {result.PeriodCode} as of {result.AsOf:yyyy-MM-dd HH:mm}; due before {result.Deadline:yyyy-MM-dd}"
                : $"Tình hình nộp báo cáo kỳ {result.PeriodCode} tính đến {result.AsOf:dd/MM/yyyy HH:mm}; hạn nộp trước ngày {result.Deadline:dd/MM/yyyy}");
            cli.Out.WriteLine(en
                ? $"Expected to report: {ReporterWords.Who(result.Reporters, true)}"
                : $"Đơn vị phải nộp: {ReporterWords.Who(result.Reporters, false)}");
        }
        TextTable.Write(cli.Out, format, headers, rows);
        if (format == "table" && result.LateOrMissing.Count > 0)
        {
            cli.Out.WriteLine();
            cli.Out.WriteLine(ReporterWords.LateOrMissingHeading(result.Reporters, en) + ":");
            string[] h2 = en ? ["unit", "name", "parent", "status", "received", "refused"] : ["mã đơn vị", "tên đơn vị", "cấp trên", "tình trạng", "ngày nhận", "bị từ chối"];
            TextTable.Write(cli.Out, "table", h2, result.LateOrMissing.Select(g => (IReadOnlyList<object?>)[
                g.UnitCode, g.Name, g.ParentCode, CompletenessCheck.StatusWords(CompletenessCheck.Status(g), en), g.ReceivedAt, g.RefusedCount]));
        }
        return CliApp.Ok;
    }
}
