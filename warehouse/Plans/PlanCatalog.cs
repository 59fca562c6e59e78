using System.Reflection;
using System.Text;

namespace Analytics.Warehouse.Plans;

/// <summary>
/// The plans and targets the warehouse tracks: the files in warehouse/Plans (embedded in this
/// assembly) plus, optionally, *.json files from a folder given at run time, so analysts can add a
/// plan without a build. Format: docs/plans.md. Synced into dim_plan and dim_target.
/// </summary>
public sealed partial class PlanCatalog
{
    private const string ResourcePrefix = "Plans.";

    private static readonly Lazy<PlanCatalog> EmbeddedCatalog = new(() => new PlanCatalog(ReadEmbedded()));

    private PlanCatalog(IReadOnlyList<PlanDefinition> plans)
    {
        var owner = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var plan in plans)
            foreach (var target in plan.Targets)
                if (!owner.TryAdd(target.Id, plan.FileName))
                    throw new PlanFormatException($"Plan file '{plan.FileName}', target '{target.Id}': the id is already used in '{owner[target.Id]}'.");
        Plans = plans;
    }

    /// <summary>The plans shipped with this build (parsed once).</summary>
    public static PlanCatalog Embedded => EmbeddedCatalog.Value;

    /// <summary>All plans ordered by plan_id.</summary>
    public IReadOnlyList<PlanDefinition> Plans { get; }

    public IEnumerable<TargetDefinition> Targets => Plans.SelectMany(p => p.Targets);

    /// <summary>Every indicator code any target refers to, for checking against etl's indicator catalog.</summary>
    public IReadOnlySet<string> IndicatorCodes =>
        Targets.SelectMany(t => t.IndicatorCodes).ToHashSet(StringComparer.Ordinal);

    public PlanDefinition Get(string planId) =>
        Plans.FirstOrDefault(p => p.PlanId == planId)
        ?? throw new KeyNotFoundException($"No plan '{planId}'.");

    /// <summary>
    /// The embedded plans plus every *.json in <paramref name="folder"/> (when given). A folder plan
    /// with the plan_id of an embedded one replaces it, so a correction can ship without a build;
    /// two files in the folder with one plan_id are an error.
    /// </summary>
    public static PlanCatalog Load(string? folder = null)
        => LoadFrom(folder);

    /// <summary>The plans every front end uses: <see cref="Load"/> of the folder named by ANALYTICS_PLANS, if set.</summary>
    public static PlanCatalog FromEnvironment() => LoadFrom(Environment.GetEnvironmentVariable("ANALYTICS_PLANS"));

    private static PlanCatalog LoadFrom(string? folder)
    {
        var byId = Embedded.Plans.ToDictionary(p => p.PlanId, StringComparer.Ordinal);
        if (folder is not null)
        {
            if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Plan folder '{folder}' does not exist.");
            var fromFolder = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                var plan = Parse(File.ReadAllText(path, Encoding.UTF8), Path.GetFileName(path));
                if (!fromFolder.TryAdd(plan.PlanId, plan.FileName))
                    throw new PlanFormatException($"Plan file '{plan.FileName}': plan_id '{plan.PlanId}' is also used by '{fromFolder[plan.PlanId]}'.");
                byId[plan.PlanId] = plan;
            }
        }
        return new PlanCatalog([.. byId.Values.OrderBy(p => p.PlanId, StringComparer.Ordinal)]);
    }

    /// <summary>A catalog of exactly these plans (tests, tools).</summary>
    public static PlanCatalog Of(IEnumerable<PlanDefinition> plans) =>
        new([.. plans.OrderBy(p => p.PlanId, StringComparer.Ordinal)]);

    private static List<PlanDefinition> ReadEmbedded()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var plans = new List<PlanDefinition>();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var plan = Parse(reader.ReadToEnd(), resource[ResourcePrefix.Length..]);
            if (!ids.TryAdd(plan.PlanId, plan.FileName))
                throw new PlanFormatException($"Plan file '{plan.FileName}': plan_id '{plan.PlanId}' is also used by '{ids[plan.PlanId]}'.");
            plans.Add(plan);
        }
        return [.. plans.OrderBy(p => p.PlanId, StringComparer.Ordinal)];
    }
}
