namespace Analytics.Jobs.Service;

/// <summary>
/// The queues every node works. Jobs that write the warehouse go to <see cref="Default"/> and take the
/// single writer's lock; report rendering reads the published snapshot and goes to <see cref="Render"/>,
/// so each node added is one more renderer.
/// </summary>
public static class JobQueues
{
    public const string Default = "default";
    public const string Render = "render";

    /// <summary>In the order a free worker looks at them.</summary>
    public static readonly string[] All = [Default, Render];
}
