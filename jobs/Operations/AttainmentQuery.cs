using Analytics.Warehouse.Vocabulary;
using Analytics.Warehouse.Attainment;
using Analytics.Warehouse.Plans;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Operations;

/// <summary>`analytics attainment`: every target of a plan (the seed plans and ANALYTICS_PLANS) with its figures and status.</summary>
public static class AttainmentQuery
{
    /// <summary>The plan's targets assessed for the unit (default its issuer) as of a day; an unknown plan or unit is an <see cref="UnknownNameException"/>.</summary>
    public static IReadOnlyList<AttainmentRow> Evaluate(DuckDBConnection connection, string planId, string? unit, DateOnly asOf, Hierarchy hierarchy)
    {
        var plans = PlanCatalog.FromEnvironment();
        if (!plans.Plans.Any(p => p.PlanId == planId))
            throw UnknownNameException.Of("kế hoạch", "plan", planId, plans.Plans.Select(p => p.PlanId));
        return new Attainment(connection, plans).Evaluate(planId, unit, asOf, hierarchy);
    }
}
