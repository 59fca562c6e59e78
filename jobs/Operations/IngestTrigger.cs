namespace Analytics.Jobs.Operations;

/// <summary>
/// Starts the inbox ingest now, for a file that was just put in the inbox (the web upload). The service's
/// scheduler implements it; the page only waits for the file's result to appear.
/// </summary>
public interface IIngestTrigger
{
    Task StartIngestAsync(CancellationToken cancellationToken);
}
