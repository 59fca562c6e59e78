namespace Analytics.Jobs.Operations;

/// <summary>
/// Names the service job a class runs (one of <see cref="ServiceJobs"/>), so that whoever reads
/// Hangfire's job lists (the Jobs page, the demo) tells the jobs apart without knowing their classes.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ServiceJobAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>The service job a Hangfire job's class runs, or null for any other job.</summary>
    public static string? Of(Type? type) =>
        type is null ? null : ((ServiceJobAttribute?)GetCustomAttribute(type, typeof(ServiceJobAttribute)))?.Name;
}
