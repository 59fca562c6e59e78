using System.Globalization;
using System.Text;
using Analytics.Reports.Charts;
using Analytics.Reports.Data;
using Analytics.Reports.Excel;

namespace Analytics.Reports.Conference;

/// <summary>
/// Slides-ready images of a unit's key charts for a year: 1920×1080 PNG and SVG per chart, and an
/// index.html showing them in order with captions. Charts come from <see cref="ReportCharts"/>, so the
/// slides match the web page.
/// </summary>
public static class ConferencePack
{
    /// <summary>The charts of the pack, in slide order. Charts without data are left out.</summary>
    public static IReadOnlyList<ConferenceChart> Charts(AnnualReportData annual, IReadOnlyList<PlanScorecardData> plans)
    {
        var h = annual.Header;
        var en = h.English;
        var lang = en ? ChartLanguage.En : ChartLanguage.Vi;
        var size = ChartSize.Slide;
        var source = en ? "Analytics warehouse" : "Kho dữ liệu Analytics";
        var charts = new List<ConferenceChart>();
        var indicators = annual.Indicators.ToDictionary(i => i.Code);
        var n = 0;
        string Stem(string what) => $"{++n:00}-{what}";

        foreach (var code in new[] { "members", "membership_rate" })
        {
            if (!indicators.TryGetValue(code, out var indicator)) continue;
            var points = annual.Trend.Where(t => t.IndicatorCode == code).OrderBy(t => t.PeriodCode, StringComparer.Ordinal)
                .Select(t => new TrendPoint(t.PeriodLabel, t.Value)).ToList();
            if (points.Count == 0) continue;
            var title = en ? $"{indicator.Name}, {annual.Term}" : $"{indicator.Name}, nhiệm kỳ {annual.Term}";
            charts.Add(new(Stem("trend-" + code), en ? $"{indicator.Name} of {h.UnitName}, year by year over the term {annual.Term}." : $"{indicator.Name} của {h.UnitName} qua các năm của nhiệm kỳ {annual.Term}.",
                ReportCharts.Trend(new ChartText(title, $"{source}, {h.UnitName}", h.PeriodLabel, en ? "Year" : "Năm", indicator.Unit), points, indicator.Format, null, lang, size)));
        }

        foreach (var code in annual.RankingIndicators)
        {
            if (!indicators.TryGetValue(code, out var indicator)) continue;
            var ranked = AnnualWorkbook.Ranked(annual, code);
            if (ranked.Count == 0) continue;
            double? target = code == "finance_attainment" ? 1.0 : null;
            var names = Labels(ranked.Select(r => (r.Unit.UnitCode, r.Unit.Name)).ToList());
            charts.Add(new(Stem("ranking-" + code),
                en ? $"Child units of {h.UnitName} ranked by {indicator.Name.ToLowerInvariant()}, {annual.Year}." : $"Xếp hạng các đơn vị trực thuộc {h.UnitName} theo {Lower(indicator.Name)}, năm {annual.Year}.",
                // No title on the unit axis: the names speak for themselves.
                ReportCharts.Ranking(new ChartText($"{indicator.Name} — {annual.Year}", $"{source}, {h.UnitName}", h.PeriodLabel, indicator.Unit, ""),
                    ranked.Select(r => new UnitValue(names[r.Unit.UnitCode], r.Value)).ToList(), indicator.Format, target, lang, size)));
        }

        if (indicators.TryGetValue("members_admitted", out var admitted))
        {
            var now = annual.Values.Where(v => v.IndicatorCode == "members_admitted").ToDictionary(v => v.UnitCode, v => v.Value);
            var then = annual.PreviousYearValues.Where(v => v.IndicatorCode == "members_admitted").ToDictionary(v => v.UnitCode, v => v.Value);
            var bars = new List<GroupedValue>();
            var shown = annual.Children.Where(c => now.ContainsKey(c.UnitCode) || then.ContainsKey(c.UnitCode)).ToList();
            var labels = Labels(shown.Select(c => (c.UnitCode, c.Name)).ToList());
            foreach (var child in shown)
            {
                // A unit with no figure for a year did not report it (or did not exist yet): "không có", not 0.
                var label = labels[child.UnitCode];
                bars.Add(new(label, (annual.Year - 1).ToString(CultureInfo.InvariantCulture), then.TryGetValue(child.UnitCode, out var before) ? before : null));
                bars.Add(new(label, annual.Year.ToString(CultureInfo.InvariantCulture), now.TryGetValue(child.UnitCode, out var after) ? after : null));
            }
            if (bars.Count > 0)
            {
                charts.Add(new(Stem("admitted-by-unit"),
                    en ? $"New members admitted by child unit, {annual.Year} against {annual.Year - 1}." : $"Đoàn viên kết nạp mới theo đơn vị trực thuộc, năm {annual.Year} so với năm {annual.Year - 1}.",
                    ReportCharts.GroupedBars(new ChartText(en ? $"{admitted.Name}, {annual.Year - 1} and {annual.Year}" : $"{admitted.Name} năm {annual.Year - 1} và {annual.Year}", $"{source}, {h.UnitName}", h.PeriodLabel, null, admitted.Unit),
                        bars, ValueFormat.Count, lang, size)));
            }
        }

        if (annual.Ratings.Count > 0)
        {
            var parts = ReportWords.Ratings.Select(r => ReportWords.Rating(r, en)).ToList();
            var values = Analytics.Warehouse.Vocabulary.Sector.Codes
                .SelectMany(s => ReportWords.Ratings.Select(r => new StackedValue(ReportWords.Sector(s, en), ReportWords.Rating(r, en),
                    annual.Ratings.Where(x => x.Sector == s && x.Rating == r).Sum(x => x.Units))))
                .Where(v => annual.Ratings.Any(x => ReportWords.Sector(x.Sector, en) == v.Category))
                .ToList();
            charts.Add(new(Stem("ratings-by-sector"),
                en ? $"Grassroots union ratings for {annual.Year} by sector." : $"Kết quả xếp loại công đoàn cơ sở năm {annual.Year} theo khu vực.",
                ReportCharts.StackedBars(new ChartText(en ? $"Grassroots union ratings {annual.Year}" : $"Xếp loại công đoàn cơ sở năm {annual.Year}", $"{source}, {h.UnitName}", h.PeriodLabel),
                    values, parts, lang, size)));
        }

        foreach (var plan in plans)
        {
            var rows = plan.Targets.Where(t => t.Actual is not null && t.Target is not null && t.Target != 0)
                .Take(12)
                // The id and the hand-written short name, shown in full; the workbook keeps the document's wording.
                .Select(t => new BulletRow(BulletLabel(t), t.Actual!.Value, t.Target!.Value, t.Format,
                    t.Status is TargetStatus.Achieved or TargetStatus.OnTrack))
                .ToList();
            if (rows.Count == 0) continue;
            charts.Add(new(Stem("plan-" + plan.PlanId),
                en ? $"Targets of plan {plan.PlanNumber}: actual against target ({plan.Header.PeriodLabel})." : $"Các chỉ tiêu của kế hoạch {plan.PlanNumber}: thực hiện so với chỉ tiêu ({plan.Header.PeriodLabel}).",
                ReportCharts.Bullets(new ChartText(en ? $"Plan {plan.PlanNumber}: targets" : $"Kế hoạch {plan.PlanNumber}: kết quả thực hiện chỉ tiêu", $"{source}, {plan.Header.UnitName}", plan.Header.PeriodLabel),
                    rows, lang, size)));
        }
        return charts;
    }

    /// <summary>A target's label on the plan slide: "002-T01 · Kết nạp 70.000 đoàn viên".</summary>
    public static string BulletLabel(TargetResult target) => $"{target.TargetId} · {target.ShortName}";

    /// <summary>
    /// Draws every chart to DIR/NAME.svg and DIR/NAME.png (1920×1080) and writes DIR/index.html; returns
    /// the files written, in slide order whatever the order they were drawn in. Slides are drawn on up to
    /// <paramref name="parallelism"/> threads (default: one per core); progress counts charts done.
    /// </summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<ConferenceChart> charts, string directory, string title, bool english,
        IProgress<int>? progress = null, int? parallelism = null, PngSettings? png = null)
    {
        Directory.CreateDirectory(directory);
        var written = new string[charts.Count][];
        var done = 0;
        var gate = new Lock();
        Parallel.For(0, charts.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount }, i =>
        {
            var chart = charts[i];
            var rendered = chart.Chart.Render(png);
            var svg = Path.Combine(directory, chart.Name + ".svg");
            File.WriteAllText(svg, rendered.Svg, new UTF8Encoding(false));
            var file = Path.Combine(directory, chart.Name + ".png");
            File.WriteAllBytes(file, rendered.Png);
            written[i] = [svg, file];
            lock (gate)
            {
                progress?.Report(++done);
            }
        });

        var files = written.SelectMany(f => f).ToList();
        var index = Path.Combine(directory, "index.html");
        File.WriteAllText(index, Index(charts, title, english), new UTF8Encoding(false));
        files.Add(index);
        return files;
    }

    /// <summary>
    /// A page showing the slides in order, each with its number and caption. The images are the PNGs,
    /// linked to the SVGs: an SVG shown as an image cannot load a font, and one drawn with a browser's
    /// substitute for Inter is spaced for Inter's letters.
    /// </summary>
    public static string Index(IReadOnlyList<ConferenceChart> charts, string title, bool english)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(english ? "en" : "vi").Append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Html(title)).Append("</title>\n<style>\n")
            .Append("body{font-family:Inter,'Noto Sans',Arial,sans-serif;margin:2rem auto;max-width:1280px;color:#1a1a1a}\n")
            .Append("h1{color:#1f4e79;font-size:1.6rem}figure{margin:0 0 3rem}img{width:100%;height:auto;border:1px solid #ddd}\n")
            .Append("figcaption{margin-top:.5rem;font-size:1.05rem}figcaption b{color:#1f4e79;margin-right:.5rem}\n</style>\n</head>\n<body>\n<h1>")
            .Append(Html(title)).Append("</h1>\n");
        var i = 0;
        foreach (var chart in charts)
        {
            i++;
            var name = Html(chart.Name);
            html.Append("<figure id=\"").Append(name).Append("\">\n<a href=\"").Append(name).Append(".svg\"><img src=\"").Append(name).Append(".png\" alt=\"")
                .Append(Html(chart.Caption)).Append("\"></a>\n<figcaption><b>")
                .Append(english ? "Chart " : "Biểu đồ ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(".</b>")
                .Append(Html(chart.Caption)).Append("</figcaption>\n</figure>\n");
        }
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    // Only the five characters that matter; Vietnamese letters stay readable in the page source.
    private static string Html(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private static string Lower(string name) => name.Length > 0 ? char.ToLower(name[0], CultureInfo.GetCultureInfo("vi-VN")) + name[1..] : name;

    /// <summary>
    /// Distinct labels for units on a chart axis. Children's names usually end alike (the parent's
    /// name, "… – tỉnh An Giang"), which says nothing on the parent's own chart, so whole words every
    /// name ends with are dropped; the chart wraps what is left onto two lines at spaces. If two
    /// labels still came out the same, two units would be drawn as one, so then every unit is
    /// labelled by its code.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Labels(IReadOnlyList<(string Code, string Name)> units)
    {
        var names = units.Select(u => u.Name).ToList();
        var suffix = CommonWordSuffix(names);
        var labels = units.ToDictionary(u => u.Code, u =>
        {
            var name = suffix.Length > 0 ? u.Name[..^suffix.Length].TrimEnd(' ', ',', '-', '–', '—') : u.Name;
            return name.Length > 0 ? name : u.Name;
        }, StringComparer.Ordinal);
        return labels.Values.Distinct(StringComparer.Ordinal).Count() == labels.Count
            ? labels
            : units.ToDictionary(u => u.Code, u => u.Code, StringComparer.Ordinal);
    }

    // The longest run of whole words, with the space before them, that every name ends with (none for one name).
    private static string CommonWordSuffix(IReadOnlyList<string> names)
    {
        if (names.Count < 2) return "";
        var first = names[0];
        var length = names.Skip(1).Aggregate(first.Length, (len, other) =>
        {
            var k = 0;
            while (k < len && k < other.Length && first[first.Length - 1 - k] == other[other.Length - 1 - k]) k++;
            return k;
        });
        var suffix = first[^length..];
        var space = suffix.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? "" : suffix[space..];
    }
}
