using Analytics.Warehouse.ReferenceData;
using Analytics.Warehouse.Vocabulary;
using System.CommandLine;
using System.Text.Json;
using Analytics.Jobs.Operations;
using Analytics.Warehouse.Figures;
using Analytics.Warehouse.Attainment;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics metric`: one figure for a unit and a period; for a rate also its numerator and denominator.</summary>
public static class MetricCommand
{
    public static Command Build(CliContext cli)
    {
        var indicator = cli.Argument("INDICATOR", "mã chỉ tiêu (docs/analyst-guide.md)", "indicator code (docs/analyst-guide.md)");
        var unit = cli.Text("--unit", "CODE", "mã đơn vị (cộng cả cây đơn vị trực thuộc)", "unit code (its subtree is summed)", required: true);
        var period = cli.Period("--period",
            "2024, 2024-Q1, 2024-H1, 2024-9M, 2024-03, hoặc như trong báo cáo (\"Quý I/2024\", \"6 tháng đầu năm 2024\")",
            "2024, 2024-Q1, 2024-H1, 2024-9M, 2024-03, or as in a report (\"Quý I/2024\", \"6 tháng đầu năm 2024\")", required: true);
        var hierarchy = Hierarchy(cli, "tổ chức hiện nay hay tổ chức trong kỳ", "today's organisation or the one during the period");
        var sector = cli.Many("--sector", "S", "chỉ các CĐCS thuộc khu vực này (public, soe, private); cho nhiều lần được", "only grassroots unions of this sector (public, soe, private); repeatable");
        var format = cli.Choice("--format", ["table", "json"], "table", "dạng kết quả", "output format");
        var command = new Command("metric", cli.T(
            "In một số liệu (cộng trên cây đơn vị) cho một kỳ\n\nQuy tắc: docs/analyst-guide.md. Tỷ lệ là tỷ số của các tổng trên các đơn vị trong phạm vi.",
            "Print one figure (rolled up over the unit's subtree) for a period\n\nRules: docs/analyst-guide.md. Rates are ratios of sums over the units in scope."))
        {
            indicator, unit, period, hierarchy, sector, format,
        };
        return command.Runs(cli, run =>
        {
            var h = MetricQuery.ParseHierarchy(run.Get(hierarchy)!);
            using var warehouse = run.OpenWarehouse(mustExist: true);
            using var connection = warehouse.Connect();
            MetricValue value;
            try
            {
                value = MetricQuery.Get(connection, run.Get(indicator)!, run.Get(unit)!, run.Get(period)!.Code, h, run.Get(sector) ?? []);
            }
            catch (UnknownNameException e)
            {
                throw new UsageException(e.In(run.English));
            }
            catch (ArgumentException e)
            {
                run.Error.WriteLine($"analytics metric: {e.Message}");
                return CliApp.Refused;
            }
            var code = Attainment.HierarchyCode(h);
            var note = MetricQuery.ClosedNote(connection, value, run.English);
            if (run.Get(format) == "json")
            {
                run.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
                {
                    ["indicator"] = value.Indicator, ["unit"] = value.UnitCode, ["period"] = value.PeriodCode, ["hierarchy"] = code,
                    ["value"] = value.Value, ["numerator"] = value.Numerator, ["denominator"] = value.Denominator,
                    ["note"] = note,
                }));
                return CliApp.Ok;
            }
            Rows.Write(run.Out, "table",
                run.English
                    ? ["indicator", "unit", "period", "hierarchy", "value", "numerator", "denominator"]
                    : ["chỉ tiêu", "đơn vị", "kỳ", "tổ chức", "giá trị", "tử số", "mẫu số"],
                [[value.Indicator, value.UnitCode, value.PeriodCode, code, IndicatorCatalog.Default.TryGet(value.Indicator, out var definition) && definition.IsPercentage ? Rows.Share.Of(value.Value) : value.Value, value.Numerator, value.Denominator]], Languages.From(run.English));
            if (note is not null) run.Out.WriteLine(note);
            return CliApp.Ok;
        });
    }

    /// <summary>--hierarchy as-is|as-was, shared by metric, trend and attainment.</summary>
    internal static Option<string> Hierarchy(CliContext cli, string vi, string en) =>
        cli.Choice("--hierarchy", ["as-is", "as-was"], "as-is", vi, en);
}
