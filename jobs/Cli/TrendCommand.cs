using Analytics.Warehouse.ReferenceData;
using Analytics.Warehouse.Vocabulary;
using System.CommandLine;
using System.Globalization;
using Analytics.Jobs.Operations;
using Analytics.Warehouse.Figures;
using Analytics.Warehouse.Attainment;

namespace Analytics.Jobs.Cli;

/// <summary>`analytics trend`: a yearly series for a unit with the change from year to year.</summary>
public static class TrendCommand
{
    public static Command Build(CliContext cli)
    {
        var indicator = cli.Argument("INDICATOR", "mã chỉ tiêu (docs/analyst-guide.md)", "indicator code (docs/analyst-guide.md)");
        var unit = cli.Text("--unit", "CODE", "mã đơn vị", "unit code", required: true);
        var from = cli.Year("--from", "năm đầu", "first year");
        var to = cli.Year("--to", "năm cuối", "last year");
        var hierarchy = MetricCommand.Hierarchy(cli, "tổ chức hiện nay hay tổ chức trong từng năm", "today's organisation or the one during each year");
        var likeForLike = cli.Flag("--like-for-like", "chỉ các đơn vị hoạt động suốt cả giai đoạn", "only units active over the whole window");
        var sector = cli.Many("--sector", "S", "chỉ các CĐCS thuộc khu vực này; cho nhiều lần được", "only grassroots unions of this sector; repeatable");
        var format = cli.Choice("--format", ["table", "csv", "json"], "table", "dạng kết quả", "output format");
        var command = new Command("trend", cli.T(
            "In một chỉ tiêu theo từng năm cho một đơn vị, kèm mức thay đổi so với năm trước",
            "Print an indicator per year for a unit, with year-on-year change"))
        {
            indicator, unit, from, to, hierarchy, likeForLike, sector, format,
        };
        return command.Runs(cli, run =>
        {
            var h = MetricQuery.ParseHierarchy(run.Get(hierarchy)!);
            using var warehouse = run.OpenWarehouse(mustExist: true);
            using var connection = warehouse.Connect();
            IReadOnlyList<TrendPoint> points;
            try
            {
                points = TrendQuery.Run(connection, run.Get(indicator)!, run.Get(unit)!, run.Get(from), run.Get(to), h, run.Get(likeForLike), run.Get(sector) ?? []);
            }
            catch (UnknownNameException e)
            {
                throw new UsageException(e.In(run.English));
            }
            catch (ArgumentException e)
            {
                run.Error.WriteLine($"analytics trend: {e.Message}");
                return CliApp.Refused;
            }
            // A table is read by people: a percentage rate as a percentage, its change in percentage points, every change
            // ratio as a percentage; CSV and JSON keep the fractions analysts compute with.
            var table = run.Get(format) == "table";
            var rate = points.Count > 0 && IndicatorCatalog.Default.TryGet(points[0].Value.Indicator, out var definition) && definition.IsPercentage;
            object? Value(double? x) => table && rate ? Rows.Share.Of(x) : x;
            object? Change(double? x) => table && rate ? Rows.Points.Of(x) : x;
            object? ChangeRatio(double? x) => table ? Rows.Share.Of(x) : x;
            // CSV and JSON keep the column names analysts script against; a table for a Vietnamese reader says them in Vietnamese.
            Rows.Write(run.Out, run.Get(format)!,
                table && !run.English
                    ? ["năm", "chỉ tiêu", "đơn vị", "tổ chức", "giá trị", "tử số", "mẫu số", "thay đổi", "tỷ lệ thay đổi"]
                    : ["year", "indicator", "unit", "hierarchy", "value", "numerator", "denominator", "change", "change_ratio"],
                [.. points.Select(p => (IReadOnlyList<object?>)[p.Year.ToString(CultureInfo.InvariantCulture), p.Value.Indicator, p.Value.UnitCode, Attainment.HierarchyCode(h),
                    Value(p.Value.Value), p.Value.Numerator, p.Value.Denominator, Change(p.Change), ChangeRatio(p.ChangeRatio)])], Languages.From(run.English));
            return CliApp.Ok;
        });
    }
}
