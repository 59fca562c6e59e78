using System.Globalization;
using Analytics.Warehouse.Metrics;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics attainment`: every target of a plan with its figures, status and explanation.</summary>
public static class AttainmentCommand
{
    public static readonly CommandSpec Spec = new(
        "attainment",
        "Show where each target of a plan stands, with the figures behind each status",
        "./analytics attainment --plan ID [--unit CODE] [--as-of yyyy-MM-dd] [--hierarchy as-is|as-was] [--format table|csv|json]",
        [
            new("--plan", "ID", "plan id (000 … 004, or one added in ANALYTICS_PLANS)"),
            new("--unit", "CODE", "unit to assess (default: the plan's issuer)"),
            new("--as-of", "DATE", "assess as of this date (default: today)"),
            new("--hierarchy", "as-is|as-was", "organisation the figures roll up on", Default: "as-is"),
            new("--format", "table|csv|json", "output format", Default: "table"),
        ],
        Run,
        "Statuses: achieved, on_track, at_risk, missed, not_yet_due, no_data, not_measured (rules: docs/analyst-guide.md).");

    private static int Run(Invocation cli)
    {
        var format = cli.Get("--format")!;
        if (format is not ("table" or "csv" or "json")) throw new UsageException("--format must be table, csv or json.");
        var asOf = DateOnly.FromDateTime(cli.Clock.GetLocalNow().DateTime);
        if (cli.Get("--as-of") is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
            throw new UsageException($"--as-of '{text}' is not a date yyyy-MM-dd.");
        var hierarchy = MetricCommand.ParseHierarchy(cli);
        using var warehouse = cli.OpenWarehouse(mustExist: true);
        using var connection = warehouse.Connect();
        var plans = Analytics.Warehouse.Plans.PlanCatalog.FromEnvironment();
        var planId = cli.Require("--plan");
        if (!plans.Plans.Any(p => p.PlanId == planId))
            throw new UsageException(UnknownNameException.Of("kế hoạch", "plan", planId, plans.Plans.Select(p => p.PlanId)).In(cli.English));
        IReadOnlyList<AttainmentRow> rows;
        try
        {
            rows = new Attainment(connection, plans).Evaluate(planId, cli.Get("--unit"), asOf, hierarchy);
        }
        catch (UnknownNameException e)
        {
            throw new UsageException(e.In(cli.English));
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException)
        {
            cli.Error.WriteLine($"analytics attainment: {e.Message}");
            return CliApp.Refused;
        }
        var en = cli.English;
        TextTable.Write(cli.Out, format,
            ["target_id", "group", "target", "unit", "period", "actual", "numerator", "denominator", "target_value", "projected", "ratio", "status", "explanation"],
            [.. rows.Select(r => (IReadOnlyList<object?>)[r.TargetId, r.Group, en ? r.TextEn : r.TextVi, r.UnitCode, r.PeriodCode,
                r.Actual, r.Numerator, r.Denominator, r.TargetValue ?? r.TargetMin, r.Projected, r.Ratio, r.StatusCode, en ? r.ExplanationEn : r.ExplanationVi])]);
        return CliApp.Ok;
    }
}
