using Analytics.Warehouse.Vocabulary;
using Analytics.Jobs.Operations;
using System.CommandLine;
using Analytics.Warehouse.Completeness;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics completeness`: who has reported, on time, late or not at all.</summary>
public static class CompletenessCommand
{
    public static Command Build(CliContext cli)
    {
        var periodOption = cli.Period("--period", "kỳ báo cáo, ví dụ 2024-Q1", "the period, e.g. 2024-Q1", required: true);
        var unitOption = cli.Text("--unit", "CODE", "một đơn vị trên cơ sở: đơn vị đó và các đơn vị trực thuộc (mặc định: toàn quốc và các tỉnh)", "a unit above grassroots: it and its children (default: national and provinces)");
        var asOfOption = cli.Moment("--as-of", "DATE", "đếm những gì đã đến trước ngày hoặc thời điểm này (mặc định: bây giờ)", "count what had arrived by this date or timestamp (default: now)");
        var listOption = cli.Choice("--list", ["units", "reporters"], "units", "số đếm theo đơn vị, hoặc từng đơn vị phải nộp kèm tình trạng", "counts per unit, or every expected reporter with its status");
        var formatOption = cli.Choice("--format", ["table", "csv", "json"], "table", "dạng kết quả", "output format");
        var command = new Command("completeness", cli.T(
            "Số báo cáo phải nộp, đã nhận, đúng hạn, trễ hạn và chưa nộp trong một kỳ, nêu tên đơn vị trễ và chưa nộp",
            "Submissions expected, received, on time, late and missing for a period, naming the late and missing units"))
        {
            periodOption, unitOption, asOfOption, listOption, formatOption,
        };
        return command.Runs(cli, run => Run(run, run.Get(periodOption)!, run.Get(unitOption), run.Get(asOfOption), run.Get(listOption)!, run.Get(formatOption)!));
    }

    private static int Run(CommandRun cli, PeriodRef period, string? unit, DateTime? asOfGiven, string list, string format)
    {
        var asOf = cli.Clock.GetUtcNow().UtcDateTime;
        if (asOfGiven is { } given)
        {
            asOf = given;
            if (asOf.TimeOfDay == TimeSpan.Zero) asOf = asOf.AddDays(1).AddTicks(-1); // a date means the end of that day
        }
        using var warehouse = cli.OpenWarehouse(mustExist: true);
        using var connection = warehouse.Connect();
        CompletenessReport.Result result;
        try
        {
            result = CompletenessCheck.Compute(connection, period.Code, asOf, unit);
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
                late_or_missing = result.LateOrMissing.Select(g => new { unit = g.UnitCode, name = g.Name, parent = g.ParentCode, status = g.Status, received_at = Instant(g.ReceivedAt), refused = g.RefusedCount }),
                expected_reporters = result.Expected.Select(g => new { unit = g.UnitCode, name = g.Name, parent = g.ParentCode, status = CompletenessCheck.Status(g), received_at = Instant(g.ReceivedAt), refused = g.RefusedCount }),
            }, Rows.JsonOptions));
            return CliApp.Ok;
        }
        if (format == "table")
        {
            // The as-of instant is UTC; people read it, like the deadline, in Vietnam time, with the zone named.
            var lang = Languages.From(en);
            var asOfShown = lang.Time(new DateTimeOffset(DateTime.SpecifyKind(result.AsOf, DateTimeKind.Utc)), new VietnamClock(cli.Clock));
            var due = result.Deadline is { } d ? lang.Date(DateOnly.FromDateTime(d)) : "—";
            cli.Out.WriteLine(en
                ? $"Completeness {result.PeriodCode} as of {asOfShown}; due before {due}"
                : $"Tình hình nộp báo cáo kỳ {result.PeriodCode} tính đến {asOfShown}; hạn nộp trước ngày {due}");
            cli.Out.WriteLine(en
                ? $"Expected to report: {ReporterWords.Who(result.Reporters, true)}"
                : $"Đơn vị phải nộp: {ReporterWords.Who(result.Reporters, false)}");
        }
        if (list == "reporters")
        {
            // One row per expected reporter: on_time, late, missing, or refused (missing, with every file it sent refused).
            string[] reporterHeaders = ReporterHeaders(en, format == "table");
            Rows.Write(cli.Out, format, reporterHeaders, result.Expected.Select(g => (IReadOnlyList<object?>)[
                g.UnitCode, g.Name, g.ParentCode, format == "table" ? CompletenessCheck.StatusWords(CompletenessCheck.Status(g), en) : CompletenessCheck.Status(g),
                Instant(g.ReceivedAt), g.RefusedCount]), Languages.From(en));
            return CliApp.Ok;
        }

        string[] headers = en
            ? ["unit", "name", "level", "expected", "received", "on time", "late", "missing", "received %"]
            : ["mã đơn vị", "tên đơn vị", "cấp", "phải nộp", "đã nộp", "đúng hạn", "trễ hạn", "chưa nộp", "% đã nộp"];
        var rows = result.Units.Select(u => (IReadOnlyList<object?>)[u.UnitCode, u.Name, u.Level, u.Expected, u.Received, u.OnTime, u.Late, u.Missing,
            // People read the share with its sign (88,5 %); CSV and JSON keep the percentage number of their `received %` column.
            format == "table" ? Rows.Share.Of(u.ReceivedShare) : Math.Round(100 * u.ReceivedShare, 1)]);
        Rows.Write(cli.Out, format, headers, rows, Languages.From(en));
        if (format == "table" && result.LateOrMissing.Count > 0)
        {
            cli.Out.WriteLine();
            cli.Out.WriteLine(ReporterWords.LateOrMissingHeading(result.Reporters, en) + ":");
            string[] h2 = ReporterHeaders(en, table: true);
            Rows.Write(cli.Out, "table", h2, result.LateOrMissing.Select(g => (IReadOnlyList<object?>)[
                g.UnitCode, g.Name, g.ParentCode, CompletenessCheck.StatusWords(CompletenessCheck.Status(g), en), Instant(g.ReceivedAt), g.RefusedCount]), Languages.From(en));
        }
        return CliApp.Ok;
    }

    // A table shows received times in Vietnam time and says so in its header; CSV and JSON carry UTC, marked Z.
    private static string[] ReporterHeaders(bool en, bool table) => en
        ? ["unit", "name", "parent", "status", table ? "received (Vietnam time)" : "received", "refused"]
        : ["mã đơn vị", "tên đơn vị", "cấp trên", "tình trạng", table ? "ngày nhận (giờ Việt Nam)" : "ngày nhận", "bị từ chối"];

    // Received times are stored in UTC; as an instant, the table shows them in Vietnam time.
    private static DateTimeOffset? Instant(DateTime? utc) => utc is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;
}
