using Analytics.Jobs.Operations;
using Quartz;

namespace Analytics.Jobs.Scheduling;

/// <summary>Publishes the read-only snapshot and the Parquet and Arrow export (after each load, and on demand).</summary>
[DisallowConcurrentExecution]
public sealed class PublishJob(ServiceSettings settings, WarehouseGate gate) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var published = await gate.Use(w => Publisher.Run(w, settings), cancellationToken);
        context.Result = new JobSummary(
            $"bản sao {Path.GetFileName(published.Snapshot)}, {published.ParquetFiles.Count} tệp Parquet, {published.ArrowFiles.Count} tệp Arrow",
            $"snapshot {Path.GetFileName(published.Snapshot)}, {published.ParquetFiles.Count} Parquet files, {published.ArrowFiles.Count} Arrow files",
            Changed: true);
    }
}
