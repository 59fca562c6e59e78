using Analytics.Jobs.Operations;

namespace Analytics.Jobs.Service;

/// <summary>
/// The report jobs render from the published snapshot on the render queue: they never wait for the
/// warehouse's writer, and every node renders. Without a snapshot yet they fail (and are retried), saying so.
/// </summary>
internal static class SnapshotRead
{
    public static T Read<T>(ServiceSettings settings, Func<DuckDB.NET.Data.DuckDBConnection, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var database = SnapshotReader.Open(settings)
            ?? throw new FileNotFoundException($"No published snapshot yet at {settings.SnapshotPath}: run publish first.", settings.SnapshotPath);
        using var connection = database.Connect();
        return work(connection);
    }
}
