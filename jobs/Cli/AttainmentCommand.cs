using Analytics.Warehouse.Vocabulary;
using System.CommandLine;
using Analytics.Jobs.Operations;
using Analytics.Warehouse.Attainment;
using Analytics.Warehouse.Plans;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics attainment`: every target of a plan with its figures, status and explanation.</summary>
public static class AttainmentCommand
{
    public static Command Build(CliContext cli)
    {
        var plan = cli.Text("--plan", "ID", "mã kế hoạch (000 … 004, hoặc kế hoạch thêm trong ANALYTICS_PLANS)", "plan id (000 … 004, or one added in ANALYTICS_PLANS)", required: true);
        var unit = cli.Text("--unit", "CODE", "đơn vị được đánh giá (mặc định: đơn vị ban hành kế hoạch)", "unit to assess (default: the plan's issuer)");
        var asOfOption = cli.Date("--as-of", "đánh giá đến ngày này (mặc định: hôm nay)", "assess as of this date (default: today)");
        var hierarchy = MetricCommand.Hierarchy(cli, "tổ chức dùng để cộng số liệu", "organisation the figures roll up on");
        var format = cli.Choice("--format", ["table", "csv", "json"], "table", "dạng kết quả", "output format");
        var command = new Command("attainment", cli.T(
            "Cho biết từng chỉ tiêu của một kế hoạch đang ở đâu, kèm số liệu sau mỗi tình trạng\n\n" +
            "Tình trạng: achieved, on_track, at_risk, missed, not_yet_due, no_data, not_measured (quy tắc: docs/analyst-guide.md).",
            "Show where each target of a plan stands, with the figures behind each status\n\n" +
            "Statuses: achieved, on_track, at_risk, missed, not_yet_due, no_data, not_measured (rules: docs/analyst-guide.md)."))
        {
            plan, unit, asOfOption, hierarchy, format,
        };
        return command.Runs(cli, run =>
        {
            var h = MetricQuery.ParseHierarchy(run.Get(hierarchy)!);
            var asOf = run.Get(asOfOption) ?? run.Today;
            using var warehouse = run.OpenWarehouse(mustExist: true);
            using var connection = warehouse.Connect();
            IReadOnlyList<AttainmentRow> rows;
            try
            {
                rows = AttainmentQuery.Evaluate(connection, run.Get(plan)!, run.Get(unit), asOf, h);
            }
            catch (UnknownNameException e)
            {
                throw new UsageException(e.In(run.English));
            }
            catch (Exception e) when (e is ArgumentException or KeyNotFoundException)
            {
                run.Error.WriteLine($"analytics attainment: {e.Message}");
                return CliApp.Refused;
            }
            var en = run.English;
            var table = run.Get(format) == "table";
            // A table is read by people: shares and the actual/target ratio as percentages with their sign
            // (75,0 %); CSV and JSON keep the fractions (0.75) that analysts compute with.
            object? Shown(AttainmentRow r, double? x) => table && r.Measure == PlanCatalog.Name(TargetMeasure.Share) ? Rows.Share.Of(x) : x;
            object? Ratio(double? x) => table ? Rows.Share.Of(x) : x;
            // CSV and JSON keep the column names analysts script against; a table for a Vietnamese reader says them in Vietnamese.
            Rows.Write(run.Out, run.Get(format)!,
                table && !run.English
                    ? ["mã chỉ tiêu", "nhóm", "chỉ tiêu", "đơn vị", "kỳ", "thực hiện", "tử số", "mẫu số", "mục tiêu", "dự kiến", "đạt/mục tiêu", "tình trạng", "giải thích"]
                    : ["target_id", "group", "target", "unit", "period", "actual", "numerator", "denominator", "target_value", "projected", "ratio", "status", "explanation"],
                [.. rows.Select(r => (IReadOnlyList<object?>)[r.TargetId, r.Group, en ? r.TextEn : r.TextVi, r.UnitCode, r.PeriodCode,
                    Shown(r, r.Actual), r.Numerator, r.Denominator, Shown(r, r.TargetValue ?? r.TargetMin), Shown(r, r.Projected), Ratio(r.Ratio), r.StatusCode, en ? r.ExplanationEn : r.ExplanationVi])], Languages.From(run.English));
            return CliApp.Ok;
        });
    }
}
