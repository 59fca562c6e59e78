using System.Globalization;
using Analytics.Reports.Charts;
using Analytics.Reports.Conference;
using Analytics.Reports.Data;
using Analytics.Reports.Excel;
using Analytics.Warehouse.Store;
using DuckDB.NET.Data;

namespace Analytics.Reports;

/// <summary>
/// Writes each kind of report into a folder and returns the files written: the one place the CLI
/// (`analytics report`), the demo and the scheduler's report jobs publish from.
/// </summary>
public sealed class ReportPublisher(DuckDBConnection connection, TimeProvider clock, bool english)
{
    private readonly ReportLoader _loader = new(connection, clock, english);

    /// <summary>The monthly workbook of <paramref name="unit"/> for a month (e.g. 2024-05).</summary>
    public string Monthly(string unit, string monthCode, string outDir)
    {
        var data = _loader.Monthly(unit, monthCode);
        return Save(outDir, english ? $"monthly-report-{unit}-{monthCode}.xlsx" : $"bao-cao-thang-{unit}-{monthCode}.xlsx", MonthlyWorkbook.Build(data));
    }

    /// <summary>The monthly workbook as a scheduled job writes it: only when some accepted submission is behind it; null otherwise.</summary>
    public string? ScheduledMonthly(string unit, string monthCode, string outDir)
    {
        var data = _loader.Monthly(unit, monthCode);
        return data.Header.Provenance.SubmissionsUsed == 0 ? null
            : Save(outDir, english ? $"monthly-report-{unit}-{monthCode}.xlsx" : $"bao-cao-thang-{unit}-{monthCode}.xlsx", MonthlyWorkbook.Build(data));
    }

    /// <summary>The annual workbook as a scheduled job writes it: only when some accepted submission is behind it; null otherwise.</summary>
    public string? ScheduledAnnual(string unit, string yearCode, string outDir)
    {
        var data = _loader.Annual(unit, yearCode);
        return data.Header.Provenance.SubmissionsUsed == 0 ? null
            : Save(outDir, english ? $"annual-report-{unit}-{data.Year}.xlsx" : $"bao-cao-nam-{unit}-{data.Year}.xlsx", AnnualWorkbook.Build(data));
    }

    /// <summary>The annual workbook of <paramref name="unit"/> for a year.</summary>
    public string Annual(string unit, string yearCode, string outDir)
    {
        var data = _loader.Annual(unit, yearCode);
        return Save(outDir, english ? $"annual-report-{unit}-{data.Year}.xlsx" : $"bao-cao-nam-{unit}-{data.Year}.xlsx", AnnualWorkbook.Build(data));
    }

    /// <summary>The scorecard of a plan for a unit (default: the plan's issuer) and the year assessed.</summary>
    public string Plan(string planId, string? unit, string periodCode, string outDir) => Save(_loader.Plan(planId, unit, periodCode), periodCode, outDir);

    /// <summary>
    /// The scorecard as a scheduled job writes it: only when the plan has targets for the period and data in
    /// scope (<see cref="PlanScorecardData.HasSomethingToSay"/>); null, and nothing written, otherwise.
    /// </summary>
    public string? ScheduledPlan(string planId, string? unit, string periodCode, string outDir)
    {
        var data = _loader.Plan(planId, unit, periodCode);
        return data.HasSomethingToSay ? Save(data, periodCode, outDir) : null;
    }

    private string Save(PlanScorecardData data, string periodCode, string outDir) =>
        Save(outDir, english
            ? $"plan-scorecard-{data.PlanId}-{data.Header.UnitCode}-{periodCode}.xlsx"
            : $"chi-tieu-ke-hoach-{data.PlanId}-{data.Header.UnitCode}-{periodCode}.xlsx", PlanScorecardWorkbook.Build(data));

    /// <summary>
    /// The conference pack of <paramref name="unit"/> for a year: slides (PNG and SVG) and index.html.
    /// Plans: the one named, else those the unit issued for that year. Progress: (done, total).
    /// </summary>
    public IReadOnlyList<string> Conference(string unit, string yearCode, string? planId, string outDir, IProgress<(int Done, int Total)>? progress = null)
    {
        var annual = _loader.Annual(unit, yearCode);
        var planIds = planId is not null ? [planId] : ReportLoader.PlansIssuedBy(unit, annual.Year);
        var plans = planIds.Select(p => _loader.Plan(p, unit, annual.Year.ToString(CultureInfo.InvariantCulture))).ToList();
        var charts = ConferencePack.Charts(annual, plans);
        var title = english ? $"{annual.Header.UnitName} — key charts {annual.Year}" : $"{annual.Header.UnitName} — biểu đồ chủ yếu năm {annual.Year}";
        return ConferencePack.Write(charts, outDir, title, english,
            progress is null ? null : new Relay(done => progress.Report((done, charts.Count))));
    }

    private static string Save(string directory, string name, byte[] bytes)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    // Progress<T> posts to a sync context; callers want the calls in order on this thread.
    private sealed class Relay(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
