using Analytics.Reports;
using Analytics.Warehouse.Figures;
using Analytics.Warehouse.Vocabulary;
using Analytics.Warehouse.Plans;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Operations;

/// <summary>Which report: a monthly, annual or plan workbook, or the conference pack.</summary>
public sealed record ReportRequest(string Kind, string? Unit, string PeriodCode, string? PlanId, string OutDir);

/// <summary>`analytics report`: the charted workbooks and the conference pack, written from the metric tables.</summary>
public static class ReportWriting
{
    public static readonly string[] Kinds = ["monthly", "annual", "plan", "conference"];

    /// <summary>
    /// Writes the report; returns the files written. <paramref name="charts"/> hears the conference
    /// pack's charts as they are drawn. An unknown unit or plan is an <see cref="UnknownNameException"/>
    /// before anything is written.
    /// </summary>
    public static IReadOnlyList<string> Write(DuckDBConnection connection, ReportRequest request, TimeProvider clock, bool english, IProgress<(int Done, int Total)>? charts = null)
    {
        if (request.Unit is not null) Metrics.RequireUnit(connection, request.Unit);
        if (request.PlanId is { } planId)
        {
            var plans = PlanCatalog.FromEnvironment();
            if (!plans.Plans.Any(p => p.PlanId == planId))
                throw UnknownNameException.Of("kế hoạch", "plan", planId, plans.Plans.Select(p => p.PlanId));
        }
        var publisher = new ReportPublisher(connection, clock, english);
        return request.Kind switch
        {
            "monthly" => [publisher.Monthly(request.Unit!, request.PeriodCode, request.OutDir)],
            "annual" => [publisher.Annual(request.Unit!, request.PeriodCode, request.OutDir)],
            "plan" => [publisher.Plan(request.PlanId!, request.Unit, request.PeriodCode, request.OutDir)],
            "conference" => publisher.Conference(request.Unit!, request.PeriodCode, request.PlanId, request.OutDir, charts),
            _ => throw new ArgumentException($"unknown report '{request.Kind}'"),
        };
    }
}
