using Analytics.Jobs.Operations;
using Hangfire;
using Hangfire.Server;

namespace Analytics.Jobs.Service;

/// <summary>Publishes the read-only snapshot and the Parquet and Arrow export (after each refresh, and on demand).</summary>
[ServiceJob(ServiceJobs.Publish)]
public sealed class PublishJob(ServiceSettings settings, WarehouseWriter writer)
{
    [JobDisplayName("publish")]
    public async Task<JobOutcome> Run(PerformContext? context, CancellationToken cancellationToken)
    {
        _ = context;
        var published = await writer.Use(w => Publisher.Run(w, settings), cancellationToken);
        return new JobOutcome(
            $"bản sao {Path.GetFileName(published.Snapshot)}, {published.ParquetFiles.Count} tệp Parquet, {published.ArrowFiles.Count} tệp Arrow",
            $"snapshot {Path.GetFileName(published.Snapshot)}, {published.ParquetFiles.Count} Parquet files, {published.ArrowFiles.Count} Arrow files",
            Changed: true);
    }
}
