using Analytics.Jobs.Operations;
using System.Globalization;
using Analytics.Reports;
using Analytics.Reports.Charts;
using Analytics.Warehouse.Plans;
using Quartz;

namespace Analytics.Jobs.Scheduling;

/// <summary>
/// The monthly report of each configured unit for the month just ended (default schedule: the 16th
/// at 06:00, after the quarter deadline of the 15th). Rewriting the same month gives the same files,
/// so a recovered run is harmless.
/// </summary>
[DisallowConcurrentExecution]
public sealed class MonthlyReportJob(WarehouseGate gate, ServiceSettings settings, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var month = today.AddDays(1 - today.Day).AddMonths(-1);
        var code = $"{month.Year}-{month.Month:00}";
        var written = await gate.Use(w =>
        {
            using var connection = w.Connect();
            var publisher = new ReportPublisher(connection, clock, settings.English);
            // Only units with something reported: a month nobody reported gets no workbook.
            return settings.ReportUnits.Select(unit => publisher.ScheduledMonthly(unit, code, Path.Combine(settings.ReportsDirectory, code))).OfType<string>().ToList();
        }, cancellationToken);
        context.Result = new JobSummary($"{written.Count} báo cáo tháng {code}", $"{written.Count} monthly reports for {code}", Changed: written.Count > 0);
    }
}

/// <summary>
/// The annual report of each configured unit for the year just ended, a scorecard for every plan,
/// and each unit's conference pack (default schedule: 15 January at 06:00).
/// </summary>
[DisallowConcurrentExecution]
public sealed class AnnualReportJob(WarehouseGate gate, ServiceSettings settings, TimeProvider clock) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var year = (clock.GetUtcNow().Year - 1).ToString(CultureInfo.InvariantCulture);
        var folder = Path.Combine(settings.ReportsDirectory, year);
        var written = await gate.Use(w =>
        {
            using var connection = w.Connect();
            var publisher = new ReportPublisher(connection, clock, settings.English);
            var files = new List<string>();
            foreach (var unit in settings.ReportUnits)
                if (publisher.ScheduledAnnual(unit, year, folder) is { } annual) files.Add(annual);
            // A scorecard only for a plan with targets for the year and data in scope; asked for on the command line, it is always written.
            foreach (var plan in PlanCatalog.Load(Environment.GetEnvironmentVariable("ANALYTICS_PLANS")).Plans)
                if (publisher.ScheduledPlan(plan.PlanId, null, year, folder) is { } scorecard) files.Add(scorecard);
            foreach (var unit in settings.ConferenceUnits ?? settings.ReportUnits)
                files.AddRange(publisher.Conference(unit, year, null, Path.Combine(folder, $"conference-{unit}")));
            return files;
        }, cancellationToken);
        context.Result = new JobSummary($"{written.Count} tệp báo cáo năm {year}", $"{written.Count} files of the {year} annual reports", Changed: written.Count > 0);
    }
}
