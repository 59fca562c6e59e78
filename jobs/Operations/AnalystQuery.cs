using Analytics.Warehouse.Store;
using DuckDB.NET.Data;

namespace Analytics.Jobs.Operations;

/// <summary>
/// Read-only SQL for analysts, the one runner behind `analytics sql` and the web SQL page: the file
/// is opened with <see cref="AnalystSql.Options"/> (read-only, no file or network access, configuration
/// locked), a query is interrupted when its time limit passes, and a table result is cut at its row limit.
/// </summary>
public static class AnalystQuery
{
    /// <summary>A result as the surfaces show it (values through <see cref="AnalystSql.Value"/>).</summary>
    public sealed record Answer(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows, bool Truncated);

    /// <summary>The query ran past its time limit; nothing usable came back.</summary>
    public sealed class QueryTimedOutException(TimeSpan limit) : Exception($"interrupted after {limit.TotalSeconds:0} s")
    {
        public TimeSpan Limit { get; } = limit;
    }

    /// <summary>
    /// Runs <paramref name="sql"/> over the warehouse or snapshot at <paramref name="path"/> and keeps at
    /// most <paramref name="maxRows"/> rows (0: all). DuckDB's errors come out as they are
    /// (<see cref="AnalystSql.Refusal"/> words the surface's refusals); a passed time limit as <see cref="QueryTimedOutException"/>.
    /// </summary>
    public static Answer Run(string path, string sql, int maxRows, TimeSpan? timeLimit = null, CancellationToken cancellationToken = default) =>
        Within(path, timeLimit, (connection, token) =>
        {
            using var interrupt = connection.InterruptOn(token);
            using var reader = connection.Query(sql);
            var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
            var rows = new List<object?[]>();
            var truncated = false;
            while (reader.Read())
            {
                if (maxRows > 0 && rows.Count == maxRows)
                {
                    truncated = true;
                    break;
                }
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => AnalystSql.Value(reader, i))]);
            }
            return new Answer(columns, rows, truncated);
        }, cancellationToken);

    /// <summary>Streams the result as an Arrow IPC file into <paramref name="output"/>, batch by batch, under the same limits.</summary>
    public static ArrowExport.Written WriteArrow(string path, string sql, Stream output, long maxRows = 0, TimeSpan? timeLimit = null, CancellationToken cancellationToken = default) =>
        Within(path, timeLimit, (connection, token) => ArrowExport.Write(connection, sql, output, maxRows, token), cancellationToken);

    /// <summary>Writes the whole result to an Arrow IPC file, aside and renamed into place, so the file is replaced whole or not at all.</summary>
    public static ArrowExport.Written WriteArrowFile(string path, string sql, string outFile, CancellationToken cancellationToken = default) =>
        Within(path, null, (connection, token) => ArrowExport.WriteFile(connection, sql, outFile, 0, token), cancellationToken);

    private static T Within<T>(string path, TimeSpan? timeLimit, Func<DuckDBConnection, CancellationToken, T> work, CancellationToken cancellationToken)
    {
        using var database = DuckDbDatabase.Open(path, AnalystSql.Options);
        using var connection = database.Connect();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeLimit is { } t) limit.CancelAfter(t);
        try
        {
            return work(connection, limit.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or System.Data.Common.DbException
                                  && limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested && timeLimit is { } passed)
        {
            throw new QueryTimedOutException(passed);
        }
    }
}
