using Analytics.Warehouse.Vocabulary;
using Analytics.Reports;
using Analytics.Warehouse.Plans;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Operations;

/// <summary>
/// The scheduled reports of the configured units. Each computes the period it covers from the clock at
/// the moment it runs (the month or year just ended), never from the time it was scheduled for: a run
/// caught up after the service was down writes the period that has just ended then. Rewriting a period
/// gives the same files, so a run twice or recovered after a crash changes nothing more.
/// The service renders from the published snapshot (read-only), so rendering never waits for the
/// warehouse's single writer and runs on every node at once.
/// </summary>
public static class ReportOperation
{
    /// <summary>The month just ended as of <paramref name="today"/>, as a period code (2024-03).</summary>
    public static string MonthJustEnded(DateOnly today)
    {
        var month = today.AddDays(1 - today.Day).AddMonths(-1);
        return PeriodRef.Month(month.Year, month.Month).Code;
    }

    /// <summary>The monthly report of each report unit for the month just ended (default schedule: the 16th, after the quarter deadline of the 15th).</summary>
    public static JobOutcome Monthly(DuckDBConnection connection, ServiceSettings settings, TimeProvider clock)
    {
        var code = MonthJustEnded(Today(settings, clock));
        var publisher = new ReportPublisher(connection, clock, settings.English);
        // Only units with something reported: a month nobody reported gets no workbook.
        var written = settings.ReportUnits.Select(unit => publisher.ScheduledMonthly(unit, code, Path.Combine(settings.ReportsDirectory, code))).OfType<string>().ToList();
        return new JobOutcome($"{written.Count} báo cáo tháng {code}", $"{written.Count} monthly reports for {code}", Changed: written.Count > 0);
    }

    /// <summary>The annual report of each report unit for the year just ended, a scorecard for every plan, and each conference unit's pack.</summary>
    public static JobOutcome Annual(DuckDBConnection connection, ServiceSettings settings, TimeProvider clock)
    {
        var year = PeriodRef.WholeYear(Today(settings, clock).Year - 1).Code;
        var folder = Path.Combine(settings.ReportsDirectory, year);
        var publisher = new ReportPublisher(connection, clock, settings.English);
        var files = new List<string>();
        foreach (var unit in settings.ReportUnits)
            if (publisher.ScheduledAnnual(unit, year, folder) is { } annual) files.Add(annual);
        // A scorecard only for a plan with targets for the year and data in scope; asked for on the command line, it is always written.
        foreach (var plan in PlanCatalog.Load(Environment.GetEnvironmentVariable("ANALYTICS_PLANS")).Plans)
            if (publisher.ScheduledPlan(plan.PlanId, null, year, folder) is { } scorecard) files.Add(scorecard);
        foreach (var unit in settings.ConferenceUnits ?? settings.ReportUnits)
            files.AddRange(publisher.Conference(unit, year, null, Path.Combine(folder, $"conference-{unit}")));
        return new JobOutcome($"{files.Count} tệp báo cáo năm {year}", $"{files.Count} files of the {year} annual reports", Changed: files.Count > 0);
    }

    // The period just ended is the one just ended where the users are (the service's time zone), not in UTC.
    private static DateOnly Today(ServiceSettings settings, TimeProvider clock) =>
        new VietnamClock(clock, TimeZoneInfo.FindSystemTimeZoneById(settings.TimeZone)).Today;
}
